/** Checkout: buyer accounts (the API and the account pages), the cart, orders, quotes and landed-cost estimates. */

import { handler as buyerPasswordReset } from '../handlers/buyer-password-reset.ts';
import { handler as buyerPasswordResetConfirm } from '../handlers/buyer-password-reset-confirm.ts';
import { handler as buyerProfile } from '../handlers/buyer-profile.ts';
import { handler as buyerProfileUpdate } from '../handlers/buyer-profile-update.ts';
import { handler as buyerRegister } from '../handlers/buyer-register.ts';
import { handler as buyerSignIn } from '../handlers/buyer-sign-in.ts';
import { handler as buyerSignOut } from '../handlers/buyer-sign-out.ts';
import { handler as buyerSignOutEverywhere } from '../handlers/buyer-sign-out-everywhere.ts';
import { handler as cartClear } from '../handlers/cart-clear.ts';
import { handler as cartGet } from '../handlers/cart-get.ts';
import { handler as cartLineAdd } from '../handlers/cart-line-add.ts';
import { handler as cartLineRemove } from '../handlers/cart-line-remove.ts';
import { handler as cartLineUpdate } from '../handlers/cart-line-update.ts';
import { handler as landedCost } from '../handlers/landed-cost.ts';
import { handler as orderCancel } from '../handlers/order-cancel.ts';
import { handler as orderCreate } from '../handlers/order-create.ts';
import { handler as orderGet } from '../handlers/order-get.ts';
import { handler as orderList } from '../handlers/order-list.ts';
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
import { storefrontErrorPage } from '../handlers/page-kit.ts';
import { handler as paymentTossCallback } from '../handlers/payment-toss-callback.ts';
import { handler as quoteCreate } from '../handlers/quote-create.ts';
import { handler as quoteVerify } from '../handlers/quote-verify.ts';
import { functionHandler } from '../http/dispatch.ts';
import { idempotency } from '../http/idempotency.ts';

export const handler = functionHandler(
  'checkout',
  {
    'cart-clear': cartClear,
    'cart-get': cartGet,
    'cart-line-add': cartLineAdd,
    'cart-line-remove': cartLineRemove,
    'cart-line-update': cartLineUpdate,
    'buyer-password-reset': buyerPasswordReset,
    'buyer-password-reset-confirm': buyerPasswordResetConfirm,
    'buyer-profile': buyerProfile,
    'buyer-profile-update': buyerProfileUpdate,
    'buyer-register': buyerRegister,
    'buyer-sign-in': buyerSignIn,
    'buyer-sign-out': buyerSignOut,
    'buyer-sign-out-everywhere': buyerSignOutEverywhere,
    'landed-cost': landedCost,
    'payment-toss-callback': paymentTossCallback,
    'quote-create': quoteCreate,
    'quote-verify': quoteVerify,
    'order-create': orderCreate,
    'order-get': orderGet,
    'order-list': orderList,
    'order-cancel': orderCancel,
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
  // The account pages' 404 and 500 are the site's own pages, as on the storefront function.
  { idempotency, errorPage: storefrontErrorPage },
);
