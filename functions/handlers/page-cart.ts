import { addressForm } from '../../core/addresses/address.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { PageContext } from '../../storefront/context.ts';
import { type CartLineForm, type CartOption, cartPage } from '../../storefront/pages/cart.ts';
import type { Services } from '../composition.ts';
import { implement } from '../http/route.ts';
import type { Shopper } from '../http/shopper.ts';
import { cartOwner } from './cart-owner.ts';
import { csrfFor } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';

const notices = ['added', 'updated', 'removed'] as const;

/**
 * The cart page's HTML: the shopper's cart priced now (the same view as GET /api/v1/cart), the
 * customisation options each customised line's offer has (what each adds per unit, in the site's
 * currency) for its options form, and the destination's address form for a dropship line's
 * parcel. `lineForm` is a line's form sent back with its errors (POST /cart/lines/{lineId}).
 */
export async function renderCartPage(
  input: { tenant: Tenant; locale: Locale; shopper: Shopper; services: Services },
  ctx: PageContext,
  extra: { notice?: (typeof notices)[number]; lineForm?: CartLineForm } = {},
): Promise<string> {
  const { tenant, locale, shopper, services } = input;
  const [cart, csrf, book] = await Promise.all([
    services.carts.view(tenant, locale, cartOwner(shopper)),
    csrfFor(services, shopper),
    services.priceBooks.forTenant(tenant, locale),
  ]);
  const lines = cart.suppliers.flatMap((s) => s.offers.flatMap((o) => o.lines));
  const customisedOffers = [...new Set(lines.filter((l) => l.kind === 'customised').map((l) => l.offerId))];
  const customisation = new Map<string, CartOption[]>();
  for (const offer of await Promise.all(customisedOffers.map((id) => services.offers.get(id))))
    if (offer)
      customisation.set(
        offer.offerId,
        offer.customisation.map((c) => ({
          id: c.kind,
          name: ctx.t(`catalog:custom_${c.kind}`),
          extra: book.convert(c.extraUnitPriceFen).formatted,
          minQuantity: c.minQuantity,
        })),
      );
  return cartPage(ctx, {
    cart,
    csrf,
    customisation,
    addressFields: lines.some((l) => l.kind === 'dropship') ? addressForm(tenant.country ?? '') : [],
    ...extra,
  });
}

/** GET /cart: the shopper's cart as a page. */
export const handler = implement('page-cart', async (request) => {
  const input = asPage(request);
  const ctx = pageContext(input);
  const done = notices.find((n) => n === input.event.queryStringParameters?.done);
  return htmlAnswer(ctx, input.event, await renderCartPage(input, ctx, done ? { notice: done } : {}), {
    cache: privateCache,
  });
});
