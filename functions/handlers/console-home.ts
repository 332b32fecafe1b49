import { tenantPath } from '../../console/context.ts';
import { operatorHome } from '../../console/pages/home.ts';
import { implement } from '../http/route.ts';
import { consoleAnswer, consolePage, seeOther } from './console-kit.ts';

/** GET / on the console host: the operator's tenants; a partner user goes to its tenant. */
export const handler = implement('console-home', async (input) => {
  const user = input.consoleUser;
  if (user.role !== 'operator' && user.tenantId) return seeOther(tenantPath(user.tenantId));
  const ctx = await consolePage(input);
  const tenants = await input.services.partners.knownTenants();
  const found = await Promise.all(tenants.map((id) => input.services.tenantRepository.byId(id)));
  return consoleAnswer(
    ctx,
    operatorHome(
      ctx,
      found.flatMap((t) =>
        t ? [{ id: t.id, name: t.name, defaultLocale: t.defaultLocale, currency: t.currency }] : [],
      ),
    ),
  );
});
