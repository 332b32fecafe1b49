/**
 * The buyer pages' islands (inlined with the response's nonce, like those in index.ts). Each
 * enhances a form that already works without JavaScript.
 */

/**
 * −/+ buttons beside every quantity field (`.sf-qty input[type=number]`): a step changes the
 * value and fires `input`, so the offer page's tier feedback (buyIsland) follows. The buttons'
 * names come from the field's `data-less` / `data-more` (localized by the page).
 */
export const stepperIsland = `(function(){
document.querySelectorAll('.sf-qty input[type=number]').forEach(function(q){
var wrap=q.closest('.sf-qty'),d=wrap.dataset;
function step(by,label){var b=document.createElement('button');b.type='button';b.className='sf-button sf-step';b.textContent=by<0?'\\u2212':'+';b.setAttribute('aria-label',label);
b.addEventListener('click',function(){var n=Math.max(+q.min||1,(parseInt(q.value,10)||0)+by);q.value=String(n);q.dispatchEvent(new Event('input',{bubbles:true}))});return b}
q.before(step(-1,d.less||'-'));q.after(step(1,d.more||'+'));
});
})();`;

/**
 * The offer page's add-to-cart without a reload: once the buy form's own checks pass (buyIsland
 * prevents the send below the MOQ), the same POST goes out by fetch; the header's cart count is
 * updated and the result (or the server's localized error) is announced in a polite live region.
 * Without JavaScript, or when the request fails, the form posts as usual.
 */
export const addToCartIsland = `(function(){
var f=document.querySelector('form.sf-buy');if(!f||!window.fetch)return;
var live=document.getElementById('cart-live'),er=f.querySelector('#buy-error'),busy=false;
f.addEventListener('submit',function(e){
if(e.defaultPrevented||busy)return;e.preventDefault();busy=true;
fetch(f.action,{method:'POST',headers:{'content-type':'application/x-www-form-urlencoded',accept:'application/json'},body:new URLSearchParams(new FormData(f)).toString(),credentials:'same-origin'})
.then(function(r){return r.json().then(function(b){return{ok:r.ok,b:b}})})
.then(function(x){busy=false;
if(!x.ok){er.textContent=x.b.error||'';return}
var c=document.getElementById('sf-cart-count');if(c)c.textContent=' ('+x.b.count+')';
live.textContent='';setTimeout(function(){live.textContent=x.b.message},50)})
.catch(function(){busy=false;f.submit()});
});
})();`;

/**
 * The order page follows its order without a reload (never a meta refresh): every 20 s while the
 * page is visible it reads the page again and swaps in the status, payment, timeline and history
 * when they changed, announcing the update in the polite live region. A reload shows the same.
 */
export const orderRefreshIsland = `(function(){
var ids=['order-status','order-payment','order-timeline','order-history'],live=document.getElementById('order-live');
if(!live||!window.fetch||!window.DOMParser)return;
function poll(){if(document.visibilityState!=='visible')return;
fetch(location.href,{credentials:'same-origin',headers:{accept:'text/html'}}).then(function(r){return r.ok?r.text():''}).then(function(t){if(!t)return;
var doc=new DOMParser().parseFromString(t,'text/html'),changed=false;
ids.forEach(function(id){var a=document.getElementById(id),b=doc.getElementById(id);
if(a&&b&&a.innerHTML!==b.innerHTML){a.innerHTML=b.innerHTML;changed=true}});
if(changed)live.textContent=live.dataset.updated||''}).catch(function(){})}
setInterval(poll,20000);
})();`;
