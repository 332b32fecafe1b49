/**
 * Client islands: small scripts that enhance server-rendered forms which already work without
 * them. Each is inlined with the response's nonce (no extra request, nothing without the nonce
 * runs). The budget is 15 KB gzipped of JavaScript per page (bench:storefront measures it).
 */

/**
 * The offer page's buy form: as the buyer picks a SKU and types a quantity, the unit price of
 * the tier ladder band and the line total appear (announced politely); below the MOQ, or above
 * the SKU's stock, a localized error is announced and the form is not sent. The page renders
 * the default quantity's feedback itself (offer.ts buyFeedback): the island checks on load only
 * when the browser restored other values, and builds its currency formatter on first use.
 */
export const buyIsland = `(function(){
var f=document.querySelector('form.sf-buy');if(!f)return;
var q=f.querySelector('#buy-qty'),fb=f.querySelector('#buy-feedback'),er=f.querySelector('#buy-error');
var d=f.dataset,moq=+d.moq,ladder=JSON.parse(d.ladder);
var nf,scale;
function money(m){if(!nf){nf=new Intl.NumberFormat(d.locale,{style:'currency',currency:d.currency});scale=Math.pow(10,nf.resolvedOptions().maximumFractionDigits||0)}return nf.format(m/scale)}
function unitFor(n){var u=ladder[0][1];for(var i=0;i<ladder.length;i++)if(n>=ladder[i][0])u=ladder[i][1];return u}
function stock(){var s=f.querySelector('input[name=skuId]:checked');return s?+s.dataset.stock:Infinity}
function check(){
var n=Number(q.value);
if(!Number.isInteger(n)||n<moq){er.textContent=d.msgMoq;fb.textContent='';q.setAttribute('aria-invalid','true');return false}
if(n>stock()){er.textContent=d.msgStock;fb.textContent='';q.setAttribute('aria-invalid','true');return false}
var u=unitFor(n);er.textContent='';q.removeAttribute('aria-invalid');
fb.textContent=d.msgTotal+': '+money(u)+' × '+n+' = '+money(u*n);return true}
f.addEventListener('input',check);f.addEventListener('change',check);
f.addEventListener('submit',function(e){if(!check()){e.preventDefault();q.focus()}});
var s=f.querySelector('input[name=skuId]:checked');if(q.value!==q.defaultValue||(s&&!s.defaultChecked))check();
})();`;
