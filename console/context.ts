import type { TFunction } from 'i18next';
import type { ConsoleUser } from '../core/partners/users.ts';
import type { Tenant } from '../core/tenants/tenant.ts';
import type { Locale } from '../locales/index.ts';

/**
 * What every console page renders from: who is signed in (absent on the sign-in and invite
 * pages), the tenant in view (a partner user's own; for an operator, the one the path names),
 * the language, this response's nonce.
 */
export interface ConsoleContext {
  user?: ConsoleUser;
  /** The tenant this page is about, when there is one. */
  tenant?: Tenant;
  locale: Locale;
  t: TFunction;
  nonce: string;
  /** The page's path as the browser sees it on the console host (without `/console`). */
  path: string;
  /** The CSRF token every form of this page posts (the session's, or the sign-in form's). */
  csrf: string;
  /** Set when the person picked a language with `?lang=`: the cookie that keeps it for the forms' posts. */
  languageCookie?: string;
}

/** The console's languages: every language the platform is translated into. */
export const consoleLocales = ['en', 'vi', 'ko', 'zh-CN'] as const satisfies readonly Locale[];

/** The routes' paths are under `/console/` in the route table; the console host serves them at its root. */
export const CONSOLE_PATH_PREFIX = '/console';

/** `/console/tenants/vn` → `/tenants/vn` (what the browser's address bar shows). */
export function browserPath(rawPath: string): string {
  if (rawPath === CONSOLE_PATH_PREFIX) return '/';
  return rawPath.startsWith(`${CONSOLE_PATH_PREFIX}/`) ? rawPath.slice(CONSOLE_PATH_PREFIX.length) : rawPath;
}

/** A console link with query parameters (empty ones left out). */
export function consoleHref(path: string, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The console's links into one tenant. */
export const tenantPath = (tenantId: string, rest = '') => `/tenants/${encodeURIComponent(tenantId)}${rest}`;
