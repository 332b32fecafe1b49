import { type ConsoleContext, consoleHref, consoleLocales } from './context.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { operatorNav, tenantNav } from './nav.ts';
import { consoleStylesheet } from './styles.ts';

export interface ConsolePageMeta {
  title: string;
  /** Client islands to run on this page (inline scripts with the nonce). */
  scripts?: string[];
}

/** What a console page renders: its title and main content (the layout adds the rest). */
export interface ConsoleView extends ConsolePageMeta {
  main: SafeHtml;
}

/**
 * The document every console page shares: the product's name, navigation for the user's role
 * (and the tenant in view), the language switcher, sign-out, landmarks and a skip link.
 */
export function consoleLayout(ctx: ConsoleContext, meta: ConsolePageMeta, main: SafeHtml): string {
  const { t, nonce } = ctx;
  const product = t('console:product');
  return html`<!doctype html>
<html lang="${ctx.locale}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${meta.title} | ${product}</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">${raw(consoleStylesheet)}</style>
</head>
<body>
<a class="sc-skip" href="#main">${t('console:skipToContent')}</a>
<header class="sc-header">
<a class="sc-brand" href="/">${product}</a>
${navigation(ctx)}
<div class="sc-user">
${languageSwitcher(ctx)}
${
  ctx.user
    ? html`<span>${t('console:signedInAs', { email: ctx.user.email, role: t(`console:role_${ctx.user.role}`) })}</span>
<form method="post" action="/sign-out"><input type="hidden" name="csrf" value="${ctx.csrf}"><button class="sc-button" type="submit">${t('console:signOut')}</button></form>`
    : ''
}
</div>
</header>
<main id="main" tabindex="-1">
${main}
</main>
${(meta.scripts ?? []).map((source) => html`<script nonce="${nonce}">${raw(source)}</script>`)}
</body>
</html>
`.value;
}

function link(ctx: ConsoleContext, href: string, label: string): SafeHtml {
  const current = ctx.path === href ? raw(' aria-current="page"') : '';
  return html`<li><a href="${href}"${current}>${label}</a></li>`;
}

function navigation(ctx: ConsoleContext): SafeHtml {
  const user = ctx.user;
  if (!user) return html``;
  const items: SafeHtml[] = [];
  if (user.role === 'operator')
    for (const item of operatorNav) items.push(link(ctx, item.href, ctx.t(item.key)));
  const tenantId = ctx.tenant?.id ?? user.tenantId;
  if (tenantId) {
    for (const item of tenantNav) {
      if (item.roles.includes(user.role)) items.push(link(ctx, item.href(tenantId), ctx.t(item.key)));
    }
  }
  return html`<nav class="sc-nav" aria-label="${ctx.t('console:navLabel')}"><ul>${items}</ul></nav>`;
}

/** Links to this page in each console language, each named in its own language. */
function languageSwitcher(ctx: ConsoleContext): SafeHtml {
  return html`<nav class="sc-langs" aria-label="${ctx.t('console:languages')}"><ul>${consoleLocales.map(
    (l) =>
      html`<li><a href="${consoleHref(ctx.path, { lang: l })}" hreflang="${l}" lang="${l}"${
        l === ctx.locale ? raw(' aria-current="true"') : ''
      }>${ctx.t(`storefront:languageName_${l}`, { lng: l })}</a></li>`,
  )}</ul></nav>`;
}
