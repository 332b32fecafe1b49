/**
 * The console builds HTML as the storefront does: escaping on by default (partner and supplier
 * text is untrusted), `raw` only for text the console made itself.
 */
export { escapeHtml, html, raw, SafeHtml } from '../storefront/html.ts';
