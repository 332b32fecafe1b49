import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import axe from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type ConsoleMessage,
  chromium,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import { localDir } from '../../local/paths.ts';

import { chromiumPath, missingChromium } from './chromium-path.ts';

/** Screenshots of the key pages, kept as test artifacts (git-ignored). */
export const screenshotsDir = join(localDir, 'artifacts', 'browser');

/** One headless Chromium per test file, every `*.localhost` resolved to this machine. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(missingChromium);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--host-resolver-rules=MAP *.localhost 127.0.0.1', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/**
 * axe-core's WCAG 2.x A/AA rules on the page as it is now: 0 violations expected. The script is
 * evaluated through the DevTools protocol, so the page's CSP (which would refuse an injected
 * inline script) stays as strict as a buyer gets it.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  expect(violations, `axe on ${label}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });
}

/**
 * Runs `run` in a fresh browser context (a mid-range phone's viewport unless `options` says
 * otherwise) and fails on any page error, console error or CSP report the page produced, except
 * the console errors `expected` accepts (a status a page answers on purpose, which Chromium logs).
 */
export async function inPage<T>(
  browser: Browser,
  options: BrowserContextOptions & { expected?: (message: ConsoleMessage) => boolean },
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const { expected, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, ...contextOptions });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected?.(m)) errors.push(m.text());
  });
  try {
    const result = await run(page, context);
    expect(errors, 'console errors and CSP reports').toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}
