/**
 * The launch flow's islands: small inline scripts (run with the response's nonce) over forms
 * that already work without them. They only ask the preview routes (same origin, the session
 * cookie) and write text into polite live regions; saving is always the form's own post.
 */

/** Localized text goes in as JSON (never spliced into the script as code). */
const arg = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The brand step: as a colour or the font changes, the themed preview follows and the contrast
 * report (text and primary on the background, WCAG AA) is recomputed.
 */
export function themeIsland(template: string, minimum: number): string {
  return `(function(){
var tpl=${arg(template)},min=${minimum};
var p=document.querySelector('[data-preview]'),rep=document.getElementById('contrast-report');if(!p||!rep)return;
function v(n){var e=document.querySelector('[name="'+n+'"]');return e?e.value:''}
function lum(h){var r=[1,3,5].map(function(i){var c=parseInt(h.slice(i,i+2),16)/255;return c<=0.04045?c/12.92:Math.pow((c+0.055)/1.055,2.4)});return 0.2126*r[0]+0.7152*r[1]+0.0722*r[2]}
function ratio(a,b){if(!/^#[0-9a-f]{6}$/i.test(a)||!/^#[0-9a-f]{6}$/i.test(b))return NaN;var x=lum(a),y=lum(b);return (Math.max(x,y)+0.05)/(Math.min(x,y)+0.05)}
function update(){
var bg=v('brand.colours.background'),tx=v('brand.colours.text'),pr=v('brand.colours.primary');
p.style.setProperty('--p',pr);p.style.setProperty('--a',v('brand.colours.accent'));p.style.setProperty('--b',bg);p.style.setProperty('--x',tx);p.style.setProperty('--f',v('brand.font'));
var rt=ratio(tx,bg),rp=ratio(pr,bg);
rep.textContent=tpl.replace('{{text}}',rt.toFixed(2)).replace('{{primary}}',rp.toFixed(2)).replace('{{minimum}}',String(min));
[['brand.colours.text',rt],['brand.colours.primary',rp]].forEach(function(x){var e=document.querySelector('[name="'+x[0]+'"]');if(!e)return;if(x[1]<min)e.setAttribute('aria-invalid','true');else if(!e.closest('.sc-field').querySelector('.sc-field-error'))e.removeAttribute('aria-invalid')});
}
document.addEventListener('input',function(e){if(e.target.name&&e.target.name.indexOf('brand.')===0)update()});
document.addEventListener('change',function(e){if(e.target.name&&e.target.name.indexOf('brand.')===0)update()});
})();`;
}

/** Asks a preview route with the form's current values, at most one request in flight, the last one wins. */
const fetcher = `function preview(url,form,target,failed,render){
var seq=0,timer;
function run(){var id=++seq;var q=new URLSearchParams(new FormData(form));q.delete('csrf');
fetch(url+'?'+q.toString(),{headers:{accept:'application/json'},credentials:'same-origin'}).then(function(r){if(!r.ok)throw r;return r.json()}).then(function(d){if(id===seq)render(d)}).catch(function(){if(id===seq)target.textContent=failed})}
form.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(run,250)});
form.addEventListener('change',function(){clearTimeout(timer);timer=setTimeout(run,100)});
}
function el(tag,text){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;return e}`;

/** The pricing step: the price preview follows the markup and rounding being typed. */
export function priceIsland(failed: string): string {
  return `(function(){
${fetcher}
var s=document.querySelector('[data-price-preview]'),t=document.getElementById('price-preview');if(!s||!t)return;
var form=document.querySelector('form.sc-form[action$="/launch/pricing"]');if(!form)return;
preview(s.dataset.pricePreview,form,t,${arg(failed)},function(d){
var ul=el('ul');d.offers.forEach(function(o){var li=el('li');li.appendChild(el('strong',o.title));li.appendChild(document.createTextNode(': '+o.sentence));ul.appendChild(li)});
var m=el('p',d.fxLine);m.className='sc-meta';t.replaceChildren(ul,m)});
})();`;
}

/** The curation step: the count of offers (and samples) follows the boxes being ticked. */
export function curationIsland(failed: string): string {
  return `(function(){
${fetcher}
var s=document.querySelector('[data-curation-count]'),t=document.getElementById('curation-count');if(!s||!t)return;
var form=document.querySelector('form.sc-form[action$="/launch/curation"]');if(!form)return;
preview(s.dataset.curationCount,form,t,${arg(failed)},function(d){
var p=el('p');p.className='sc-count';p.appendChild(el('strong',d.sentence));var parts=[p];
if(d.samples.length){parts.push(el('p',d.samplesLabel));var ul=el('ul');d.samples.forEach(function(x){ul.appendChild(el('li',x.title+' — '+x.priceLine))});parts.push(ul)}
t.replaceChildren.apply(t,parts)});
})();`;
}

/** Additions to the console's stylesheet for the launch pages. */
export const launchStylesheet = `
.sc-steps ol{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0 0 16px;padding:0}
.sc-steps a{display:inline-block;padding:10px 4px}
.sc-steps a[aria-current="step"]{font-weight:700;text-decoration-thickness:3px}
.sc-choices{border:1px solid #c8ccd4;border-radius:4px;padding:8px 16px 16px;margin:0;display:grid;gap:8px}
.sc-choices legend{font-weight:600;padding:0 4px}
.sc-check{display:flex;gap:8px;align-items:center;min-height:44px}
.sc-check input{width:24px;height:24px}
.sc-columns{display:grid;gap:12px;grid-template-columns:repeat(auto-fill,minmax(220px,1fr))}
.sc-field input[type=color]{width:88px;padding:4px}
.sc-field textarea{font:inherit;padding:10px;border:1px solid #4a4a5e;border-radius:4px}
.sc-theme-preview{background:var(--b);color:var(--x);font-family:var(--f);border:1px solid #c8ccd4;border-radius:4px;padding:0 16px 16px;max-width:520px}
.sc-theme-preview a{color:var(--p)}
.sc-tp-header{background:var(--p);color:var(--b);padding:12px 16px;margin:0 -16px 12px;font-weight:700}
.sc-tp-button{display:inline-block;background:var(--p);color:var(--b);padding:8px 12px;border-radius:4px}
.sc-tp-badge{display:inline-block;border:2px solid var(--a);color:var(--x);padding:4px 8px;border-radius:4px}
.sc-count{font-size:1.2rem}
`;
