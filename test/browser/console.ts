import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './chromium.ts';

/** Signs in to the console at `origin` through its sign-in form (axe-core checked on the way). */
export async function signInToConsole(
  page: Page,
  origin: string,
  user: { email: string; password: string },
): Promise<void> {
  await page.goto(`${origin}/`);
  expect(new URL(page.url()).pathname).toBe('/sign-in');
  await expectNoAxeViolations(page, 'sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
}
