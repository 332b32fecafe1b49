import type { TestPlatform } from './platform.ts';

/** One answer of a page, with the redirect it asks for and its body as text. */
export interface PageAnswer {
  status: number;
  headers: Headers;
  location: string | null;
  text: string;
}

interface Send {
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

/**
 * A browser without JavaScript against the gateway, for one site: keeps the cookies answers set
 * (`sf_visitor`, `sf_session`; Max-Age=0 drops one), sends them back, posts forms urlencoded,
 * and reads a form's CSRF token from the page as a browser would submit it.
 */
export function pageAgent(platform: TestPlatform, host: string) {
  const cookies = new Map<string, string>();
  async function send(method: string, path: string, init: Send = {}): Promise<PageAnswer> {
    const headers: Record<string, string> = { ...init.headers };
    if (cookies.size > 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const res = await platform.request(path, { host, method, headers, ...(body !== undefined && { body }) });
    for (const set of res.headers.getSetCookie()) {
      const [pair, ...attributes] = set.split(';');
      const [name, ...value] = pair!.split('=');
      if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) cookies.delete(name!.trim());
      else cookies.set(name!.trim(), value.join('='));
    }
    const text = res.status === 304 ? '' : await res.text();
    return { status: res.status, headers: res.headers, location: res.headers.get('location'), text };
  }
  return {
    cookies,
    get: (path: string) => send('GET', path),
    post: (path: string, form: Record<string, string>) => send('POST', path, { form }),
    /**
     * GETs `page`, then posts its form that posts to `action` (default: the page's path) as a
     * browser would: its hidden fields (the CSRF token, `next`) with `fields` typed in.
     */
    async submit(page: string, fields: Record<string, string>, action?: string) {
      const shown = await send('GET', page);
      const form = formPosting(shown.text, action ?? page.split('?')[0]!);
      return send('POST', form.action, { form: { ...form.hidden, ...fields } });
    },
    /** A JSON API call with the agent's cookies. */
    api: (method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
      send(method, path, { json, headers }),
  };
}

const unescapeHtml = (v: string) =>
  v
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The page's form that posts to `action` (a path; the form's own query is kept): its target and hidden fields. */
export function formPosting(
  page: string,
  action: string,
): { action: string; hidden: Record<string, string> } {
  for (const form of page.matchAll(/<form\b[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    const target = unescapeHtml(form[1]!);
    if (target.split('?')[0] !== action) continue;
    const hidden: Record<string, string> = {};
    for (const input of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      hidden[input[1]!] = unescapeHtml(input[2]!);
    }
    return { action: target, hidden };
  }
  throw new Error(`no form posting to ${action}`);
}
