import type { Tenant } from '../../core/tenants/tenant.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';
import { tenantNav } from '../nav.ts';

/** A tenant's start page: what the site is, and where to go from here. */
export function tenantOverview(ctx: ConsoleContext, tenant: Tenant, version: number): ConsoleView {
  const { t } = ctx;
  const role = ctx.user?.role ?? 'staff';
  const main = html`<h1>${tenant.name}</h1>
<dl>
<dt>${t('console:tenantId')}</dt><dd>${tenant.id}</dd>
<dt>${t('console:domains')}</dt><dd>${tenant.domains.length > 0 ? tenant.domains.join(', ') : t('console:noDomains')}</dd>
<dt>${t('console:defaultLocale')}</dt><dd>${tenant.defaultLocale} (${tenant.locales.join(', ')})</dd>
<dt>${t('console:currency')}</dt><dd>${tenant.currency}</dd>
<dt>${t('console:configVersion')}</dt><dd>${version}</dd>
</dl>
<h2>${t('console:sectionsHeading')}</h2>
<ul>${tenantNav
    .filter((item) => item.roles.includes(role) && item.href(tenant.id) !== tenantPath(tenant.id))
    .map((item) => html`<li><a href="${item.href(tenant.id)}">${t(item.key)}</a></li>`)}</ul>`;
  return { title: tenant.name, main };
}
