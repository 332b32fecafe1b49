import { csrfField } from '../components.ts';
import { type ConsoleContext, tenantPath } from '../context.ts';
import { html } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

export interface TenantSummary {
  id: string;
  name: string;
  defaultLocale: string;
  currency: string;
}

/** The operator's start page: the tenants the console knows, and a way to open any by id. */
export function operatorHome(ctx: ConsoleContext, tenants: readonly TenantSummary[]): ConsoleView {
  const { t } = ctx;
  const main = html`<h1>${t('console:tenantsHeading')}</h1>
<p><a class="sc-button" href="/new-tenant">${t('console:navNewTenant')}</a></p>
${
  tenants.length > 0
    ? html`<table><caption class="sc-visually-hidden">${t('console:tenantsHeading')}</caption>
<thead><tr><th scope="col">${t('console:tenantId')}</th><th scope="col">${t('console:tenantName')}</th><th scope="col">${t('console:defaultLocale')}</th><th scope="col">${t('console:currency')}</th></tr></thead>
<tbody>${tenants.map(
        (tenant) =>
          html`<tr><td><a href="${tenantPath(tenant.id)}">${tenant.id}</a></td><td>${tenant.name}</td><td>${tenant.defaultLocale}</td><td>${tenant.currency}</td></tr>`,
      )}</tbody></table>`
    : html`<p>${t('console:noTenants')}</p>`
}
<h2>${t('console:openTenantHeading')}</h2>
<form class="sc-form" method="get" action="/open-tenant">
${csrfField(ctx.csrf)}
<div class="sc-field"><label for="f-tenant">${t('console:tenantId')}</label><input id="f-tenant" name="tenantId" required pattern="[a-z][a-z0-9-]{1,30}"></div>
<div><button class="sc-button" type="submit">${t('console:openTenant')}</button></div>
</form>`;
  return { title: t('console:tenantsHeading'), main };
}
