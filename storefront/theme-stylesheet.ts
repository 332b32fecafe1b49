import type { themeTokens } from '../core/tenants/tenant.ts';

type ThemeTokens = ReturnType<typeof themeTokens>['tokens'];

/** Only what a colour or font stack can contain: anything else would let config escape the rule. */
const safeValue = /^[#\w\s,.'"()%-]+$/;

/**
 * The partner's brand as the storefront's root stylesheet: CSS custom properties every page
 * and component reads (`var(--sf-color-primary)`), plus the few base rules that use them.
 * Values were validated when the config was saved; they are checked again here because a
 * stylesheet is the last place a stray `}` or `;` could turn config into CSS injection.
 */
export function themeStylesheet(tokens: ThemeTokens): string {
  const declarations = Object.entries(tokens).map(([name, value]) => {
    if (!safeValue.test(value) || !/^--sf-[a-z-]+$/.test(name)) {
      throw new Error(`unsafe theme token ${name}`);
    }
    return `  ${name}: ${value};`;
  });
  return [
    ':root {',
    ...declarations,
    '}',
    'body {',
    '  margin: 0;',
    '  background: var(--sf-color-bg);',
    '  color: var(--sf-color-text);',
    '  font-family: var(--sf-font-family);',
    '}',
    'a, .sf-link { color: var(--sf-color-primary); }',
    '.sf-button { background: var(--sf-color-primary); color: var(--sf-color-bg); border: 0; }',
    '.sf-badge, .sf-price-highlight { color: var(--sf-color-accent); }',
    '',
  ].join('\n');
}
