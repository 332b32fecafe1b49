/** Storefront pages and their assets, rendered per tenant. */

import { handler as pageAccount } from '../handlers/page-account.ts';
import { handler as pageAccountOrders } from '../handlers/page-account-orders.ts';
import { handler as pageAccountRegister } from '../handlers/page-account-register.ts';
import { handler as pageAccountRegisterSubmit } from '../handlers/page-account-register-submit.ts';
import { handler as pageAccountReset } from '../handlers/page-account-reset.ts';
import { handler as pageAccountResetConfirm } from '../handlers/page-account-reset-confirm.ts';
import { handler as pageAccountResetConfirmSubmit } from '../handlers/page-account-reset-confirm-submit.ts';
import { handler as pageAccountResetSubmit } from '../handlers/page-account-reset-submit.ts';
import { handler as pageAccountSignIn } from '../handlers/page-account-sign-in.ts';
import { handler as pageAccountSignInSubmit } from '../handlers/page-account-sign-in-submit.ts';
import { handler as pageAccountSignOut } from '../handlers/page-account-sign-out.ts';
import { handler as pageAccountSignOutEverywhere } from '../handlers/page-account-sign-out-everywhere.ts';
import { handler as pageAccountUpdate } from '../handlers/page-account-update.ts';
import { handler as pageCategory } from '../handlers/page-category.ts';
import { handler as pageHome } from '../handlers/page-home.ts';
import { storefrontErrorPage } from '../handlers/page-kit.ts';
import { handler as pageNotFound } from '../handlers/page-not-found.ts';
import { handler as pageOffer } from '../handlers/page-offer.ts';
import { handler as pageRobots } from '../handlers/page-robots.ts';
import { handler as pageSearch } from '../handlers/page-search.ts';
import { handler as pageSitemap } from '../handlers/page-sitemap.ts';
import { handler as theme } from '../handlers/storefront-theme.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler(
  'storefront',
  {
    'storefront-theme': theme,
    'page-home': pageHome,
    'page-search': pageSearch,
    'page-category': pageCategory,
    'page-offer': pageOffer,
    'page-sitemap': pageSitemap,
    'page-robots': pageRobots,
    'page-not-found': pageNotFound,
    'page-account': pageAccount,
    'page-account-orders': pageAccountOrders,
    'page-account-register': pageAccountRegister,
    'page-account-register-submit': pageAccountRegisterSubmit,
    'page-account-reset': pageAccountReset,
    'page-account-reset-confirm': pageAccountResetConfirm,
    'page-account-reset-confirm-submit': pageAccountResetConfirmSubmit,
    'page-account-reset-submit': pageAccountResetSubmit,
    'page-account-sign-in': pageAccountSignIn,
    'page-account-sign-in-submit': pageAccountSignInSubmit,
    'page-account-sign-out': pageAccountSignOut,
    'page-account-sign-out-everywhere': pageAccountSignOutEverywhere,
    'page-account-update': pageAccountUpdate,
  },
  { errorPage: storefrontErrorPage },
);
