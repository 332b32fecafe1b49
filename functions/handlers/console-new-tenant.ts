import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { newTenantPage } from '../../console/pages/tenants.ts';
import { DomainError } from '../../core/errors.ts';
import { tenantSchema } from '../../core/tenants/tenant.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';
import { implement } from '../http/route.ts';
import { consoleForm, consolePage, orFormAgain, principalOf, seeOther } from './console-kit.ts';

const text = z.string().trim().optional();
const newTenantForm = z.object({
  id: text,
  name: text,
  domain: text,
  defaultLocale: text,
  locales: z.union([z.string(), z.array(z.string())]).optional(),
  currency: text,
  country: text,
  contactEmail: text,
});

/**
 * POST /new-tenant: the form becomes the admin API's tenant config, checked by the same
 * schema, and `tenantAdmin.create` makes it (operator only; audit actor `user:<email>`).
 */
export const handler = implement('console-new-tenant', async (input) => {
  const ctx = await consolePage(input);
  const { value } = consoleForm(input, newTenantForm);
  const locales =
    value.locales === undefined ? [] : Array.isArray(value.locales) ? value.locales : [value.locales];
  const values = { ...value, locales };
  return orFormAgain(
    ctx,
    async () => {
      const config = tenantSchema.safeParse(
        {
          id: value.id ?? '',
          name: value.name ?? '',
          domains: value.domain ? [value.domain.toLowerCase()] : [],
          defaultLocale: value.defaultLocale,
          locales,
          currency: (value.currency ?? '').toUpperCase(),
          ...(value.country && { country: value.country.toUpperCase() }),
          ...(value.contactEmail && { contact: { email: value.contactEmail } }),
        },
        { reportInput: true },
      );
      if (!config.success)
        throw new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(config.error, 'body') });
      const created = await input.services.tenantAdmin.create(principalOf(input), config.data);
      await input.services.partners.recordTenant(created.tenant.id);
      return seeOther(tenantPath(created.tenant.id));
    },
    (problem) => newTenantPage(ctx, values, problem),
  );
});
