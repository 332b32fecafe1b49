/**
 * The console's stylesheet, inlined with the response's nonce: system fonts, colours that pass
 * WCAG AA (text #1a1a2e on #fff is 17:1; links #0b4f9c 8:1; white on #0b4f9c 8:1), visible
 * focus, 44 px targets.
 */
export const consoleStylesheet = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a2e;background:#fff}
a{color:#0b4f9c;text-underline-offset:2px}
:focus-visible{outline:3px solid #1a1a2e;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.sc-skip{position:absolute;left:-9999px;top:0;padding:8px 12px;background:#fff;color:#1a1a2e;z-index:10}
.sc-skip:focus{left:8px}
.sc-visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sc-header{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center;padding:8px 16px;background:#0b1f3a;color:#fff}
.sc-header a{color:#fff}
.sc-brand{font-weight:700;font-size:1.15rem;text-decoration:none;padding:10px 0}
.sc-nav ul,.sc-langs ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}
.sc-nav a,.sc-langs a{display:inline-block;padding:10px 4px}
.sc-nav a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
.sc-user{margin-left:auto;display:flex;gap:12px;align-items:center;flex-wrap:wrap}
.sc-user form{margin:0}
.sc-header .sc-button{background:#fff;color:#0b1f3a;border-color:#fff}
main{padding:16px;max-width:1100px;margin:0 auto}
h1{font-size:1.5rem;line-height:1.25;margin:8px 0 16px}
h2{font-size:1.2rem;margin:24px 0 8px}
.sc-button{padding:10px 16px;font:inherit;font-weight:600;border-radius:4px;cursor:pointer;min-height:44px;display:inline-block;text-decoration:none;background:#0b4f9c;color:#fff;border:2px solid #0b4f9c}
.sc-button-secondary{background:#fff;color:#0b4f9c}
.sc-button-danger{background:#9b1c1c;border-color:#9b1c1c;color:#fff}
.sc-form{display:grid;gap:16px;max-width:520px}
.sc-field{display:grid;gap:4px}
.sc-field label{font-weight:600}
.sc-field input,.sc-field select,.sc-field textarea{font:inherit;padding:10px;border:1px solid #4a4a5e;border-radius:4px;min-height:44px;background:#fff;color:#1a1a2e}
.sc-hint{color:#4a4a5e;font-size:.9rem;margin:0}
.sc-field-error{color:#9b1c1c;font-weight:600;margin:0}
.sc-alert{border:2px solid #9b1c1c;padding:12px 16px;border-radius:4px;margin:0 0 16px}
.sc-notice{border:2px solid #1d6b3a;padding:12px 16px;border-radius:4px;margin:0 0 16px}
.sc-secret{font-family:ui-monospace,Menlo,Consolas,monospace;word-break:break-all;background:#f2f4f7;padding:8px;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}
th,td{text-align:left;padding:8px;border-bottom:1px solid #c8ccd4;vertical-align:top}
th{background:#f2f4f7}
.sc-meta{color:#4a4a5e;font-size:.9rem}
.sc-inline{display:inline}
.sc-filters ul{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:0 0 16px}
.sc-filters a{display:inline-block;padding:10px 4px}
.sc-filters a[aria-current="page"]{font-weight:700}
.sc-flag{font-weight:700;color:#9b1c1c}
`;
