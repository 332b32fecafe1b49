import { describe, expect, it } from 'vitest';
import { themeStylesheet } from '../../storefront/theme-stylesheet.ts';

const tokens = {
  '--sf-color-primary': '#d71920',
  '--sf-color-accent': '#ffb800',
  '--sf-color-bg': '#ffffff',
  '--sf-color-text': '#1b1f24',
  '--sf-font-family': "'Be Vietnam Pro', system-ui, sans-serif",
};

describe('the theme stylesheet', () => {
  it('declares every brand token on :root and uses them in the base rules', () => {
    const css = themeStylesheet(tokens);
    expect(css).toContain(':root {\n  --sf-color-primary: #d71920;');
    expect(css).toContain("--sf-font-family: 'Be Vietnam Pro', system-ui, sans-serif;");
    expect(css).toContain('background: var(--sf-color-bg);');
  });

  it('refuses a value that would break out of the rule', () => {
    expect(() => themeStylesheet({ ...tokens, '--sf-color-primary': 'red;} body{display:none' })).toThrow(
      /unsafe theme token --sf-color-primary/,
    );
  });
});
