/**
 * The storefront's base stylesheet, inlined (with the response's nonce) after the tenant's
 * theme tokens: no render-blocking request, system fonts only (the theme's font stack falls back
 * to them, so text paints at once). Colours come from the theme's custom properties only.
 * `.sf-later` marks the home page's collections after the first: the browser skips their layout
 * and paint until they near the viewport (content-visibility), which on a slow phone's CPU was
 * most of the home page's blocking time. Their placeholder height is at least a phone's grid of
 * cards (a shorter one lets their cards overlap what follows while skipped, which Lighthouse's
 * tap-target audit counts), and `auto` then remembers their real height.
 * Every grid's cards after the fourth are skipped the same way (on a phone the catalog pages'
 * filters fill the first screen, so their cards start below it): most of those pages' layout,
 * text shaping and paint at load was cards nobody could see yet. Only their block size is a
 * placeholder (an inline one would widen the grid's tracks), taller than any card at any width
 * (350–500 px measured, one column below 368 px), so a skipped card never overlaps the next.
 * Few font variants: every distinct family, size and weight costs the renderer a synchronous
 * font lookup from the browser process during the first layout (fontconfig on Linux), which a
 * busy or slow device makes part of the blocking time. So form controls inherit the page's font
 * (the UA's 13.33 px control font was the offer page's other half of its 27 lookups) and bold
 * is one weight, 700 (600 rendered as the bold face anyway where the fonts have no semibold).
 * A card's title shows its first two lines (`max-height` of two lines, the body's line height
 * 1.5) without the `-webkit-box` line clamp: that legacy box is laid out as a flexbox, its text
 * laid out twice, which at 12 rendered cards a page was measurable in the page's main-thread time
 * (home at 4×, interleaved A/B: CPU per load −12 %). The price: no ellipsis after the second line.
 */
export const baseStylesheet = `
*,*::before,*::after{box-sizing:border-box}
body{line-height:1.5;font-size:16px}
button,input,select,textarea{font:inherit}
img{max-width:100%;height:auto;display:block}
a{text-underline-offset:2px}
:focus-visible{outline:3px solid var(--sf-color-text);outline-offset:2px;box-shadow:0 0 0 5px var(--sf-color-bg)}
.sf-skip{position:absolute;left:-9999px;top:0;padding:8px 12px;background:var(--sf-color-bg);color:var(--sf-color-text);z-index:10}
.sf-skip:focus{left:8px}
.sf-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sf-header{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:12px 16px;border-bottom:3px solid var(--sf-color-primary)}
.sf-brand{font-weight:700;font-size:1.25rem;color:var(--sf-color-text);text-decoration:none;display:flex;align-items:center;gap:8px}
.sf-brand img{height:40px;width:auto}
.sf-search{display:flex;flex:1 1 240px;gap:4px}
.sf-search input{flex:1;min-width:0;padding:10px;border:1px solid var(--sf-color-text);border-radius:4px;background:var(--sf-color-bg);color:var(--sf-color-text)}
.sf-button{padding:10px 16px;font-weight:700;border-radius:4px;cursor:pointer;min-height:44px;text-decoration:none;display:inline-block}
.sf-langs ul{display:flex;gap:12px;list-style:none;margin:0;padding:0}
.sf-langs a{display:inline-block;padding:10px 4px}
main{padding:16px;max-width:1200px;margin:0 auto}
h1{font-size:1.5rem;line-height:1.25;margin:8px 0 16px}
h2{font-size:1.2rem;margin:24px 0 8px}
.sf-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:16px;list-style:none;padding:0;margin:0}
.sf-card a{color:var(--sf-color-text);text-decoration:none;display:block}
.sf-card img{aspect-ratio:1;object-fit:cover;width:100%;border-radius:4px}
.sf-card-title{font-size:.95rem;font-weight:400;margin:6px 0 2px;max-height:3em;overflow:hidden}
.sf-price{font-weight:700}
.sf-meta{font-size:.875rem;margin:0}
.sf-later{content-visibility:auto;contain-intrinsic-size:auto 1400px}
.sf-grid>.sf-card:nth-child(n+5){content-visibility:auto;contain-intrinsic-block-size:auto 520px}
.sf-chips{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0;margin:0}
.sf-chips a{display:inline-block;padding:10px 12px;border:1px solid var(--sf-color-primary);border-radius:999px}
.sf-layout{display:grid;gap:24px}
@media (min-width:800px){.sf-layout{grid-template-columns:240px 1fr}.sf-offer{grid-template-columns:1fr 1fr}}
.sf-facets fieldset{border:0;padding:0;margin:0 0 16px}
.sf-facets legend{font-weight:700;margin-bottom:4px}
.sf-facets label{display:flex;gap:8px;align-items:center;min-height:32px}
.sf-facets select{padding:8px;width:100%}
.sf-offer{display:grid;gap:24px}
.sf-gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(72px,1fr));gap:8px}
.sf-gallery>:first-child{grid-column:1/-1}
.sf-gallery img{width:100%;aspect-ratio:1;object-fit:cover;border-radius:4px}
.sf-noimage{aspect-ratio:1;width:100%;background:currentColor;opacity:.08;border-radius:4px}
table{border-collapse:collapse;width:100%}
th,td{text-align:start;padding:6px 8px;border-bottom:1px solid currentColor}
.sf-skus{border:0;padding:0;margin:0 0 12px}
.sf-skus label{display:flex;gap:8px;align-items:center;padding:8px 0;min-height:44px}
.sf-qty{display:flex;gap:8px;align-items:center;margin:8px 0}
.sf-qty input{width:7em;padding:10px}
.sf-error{font-weight:700;min-height:1.5em}
.sf-card-supplier{border:1px solid currentColor;border-radius:4px;padding:12px}
.sf-footer{padding:24px 16px;border-top:1px solid currentColor;font-size:.875rem}
.sf-pager{margin:24px 0}
.sf-account{display:inline-block;padding:10px 4px;font-weight:700}
.sf-form{max-width:32rem}
.sf-field{margin:0 0 16px}
.sf-field label{display:block;font-weight:700}
.sf-field input{display:block;width:100%;padding:10px;border:1px solid var(--sf-color-text);border-radius:4px;background:var(--sf-color-bg);color:var(--sf-color-text)}
.sf-field-invalid input{border-width:3px}
.sf-hint{margin:2px 0 4px;font-size:.875rem}
.sf-field-error{margin:2px 0 4px;font-weight:700}
.sf-error-summary,.sf-notice{border:3px solid currentColor;border-radius:4px;padding:12px 16px;margin:0 0 16px}
.sf-error-summary h2{margin-top:0}
.sf-account-nav ul{display:flex;gap:16px;list-style:none;padding:0}
.sf-inline-form{margin:0 0 12px}
`;
