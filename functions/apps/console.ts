/** The console: partner users' and the operator's pages, on the console's own host. */

import { DomainError } from '../../core/errors.ts';
import { handler as audit } from '../handlers/console-audit.ts';
import { handler as deadLetters } from '../handlers/console-dead-letters.ts';
import { handler as domainDecide } from '../handlers/console-domain-decide.ts';
import { handler as domains } from '../handlers/console-domains.ts';
import { handler as home } from '../handlers/console-home.ts';
import { handler as inviteAccept } from '../handlers/console-invite-accept.ts';
import { handler as inviteCreate } from '../handlers/console-invite-create.ts';
import { handler as invitePage } from '../handlers/console-invite-page.ts';
import { handler as keyCreate } from '../handlers/console-key-create.ts';
import { handler as keyRevoke } from '../handlers/console-key-revoke.ts';
import { handler as keys } from '../handlers/console-keys.ts';
import { consoleErrorPage, onConsoleHost } from '../handlers/console-kit.ts';
import { handler as launchCuration } from '../handlers/console-launch-curation.ts';
import { handler as launchDiscard } from '../handlers/console-launch-discard.ts';
import { handler as launchLogo } from '../handlers/console-launch-logo.ts';
import { handler as launchPreviewHome } from '../handlers/console-launch-preview-home.ts';
import { handler as launchPreviewOffer } from '../handlers/console-launch-preview-offer.ts';
import { handler as launchPrices } from '../handlers/console-launch-prices.ts';
import { handler as launchProviderKey } from '../handlers/console-launch-provider-key.ts';
import { handler as launchPublish } from '../handlers/console-launch-publish.ts';
import { handler as launchRebase } from '../handlers/console-launch-rebase.ts';
import { handler as launchReview } from '../handlers/console-launch-review.ts';
import { handler as launchSave } from '../handlers/console-launch-save.ts';
import { handler as launchStart } from '../handlers/console-launch-start.ts';
import { handler as launchStep } from '../handlers/console-launch-step.ts';
import { handler as newTenant } from '../handlers/console-new-tenant.ts';
import { handler as newTenantPage } from '../handlers/console-new-tenant-page.ts';
import { handler as notFound } from '../handlers/console-not-found.ts';
import { handler as openTenant } from '../handlers/console-open-tenant.ts';
import { handler as order } from '../handlers/console-order.ts';
import { handler as orderCancel } from '../handlers/console-order-cancel.ts';
import { handler as orderTransfer } from '../handlers/console-order-transfer.ts';
import { handler as orders } from '../handlers/console-orders.ts';
import { handler as replay } from '../handlers/console-replay.ts';
import { handler as signIn } from '../handlers/console-sign-in.ts';
import { handler as signInPage } from '../handlers/console-sign-in-page.ts';
import { handler as signOut } from '../handlers/console-sign-out.ts';
import { handler as tenant } from '../handlers/console-tenant.ts';
import { handler as translations } from '../handlers/console-translations.ts';
import { handler as translationsSave } from '../handlers/console-translations-save.ts';
import { handler as users } from '../handlers/console-users.ts';
import { functionHandler, type RouteHandler } from '../http/dispatch.ts';
import { errorResponse } from '../http/error-response.ts';

const routed = functionHandler(
  'console',
  {
    'console-sign-in-page': signInPage,
    'console-sign-in': signIn,
    'console-sign-out': signOut,
    'console-home': home,
    'console-open-tenant': openTenant,
    'console-tenant': tenant,
    'console-launch-start': launchStart,
    'console-launch-step': launchStep,
    'console-launch-save': launchSave,
    'console-launch-logo': launchLogo,
    'console-launch-provider-key': launchProviderKey,
    'console-launch-review': launchReview,
    'console-launch-publish': launchPublish,
    'console-launch-rebase': launchRebase,
    'console-launch-discard': launchDiscard,
    'console-launch-prices': launchPrices,
    'console-launch-curation': launchCuration,
    'console-launch-preview-home': launchPreviewHome,
    'console-launch-preview-offer': launchPreviewOffer,
    'console-not-found': notFound,
    'console-new-tenant-page': newTenantPage,
    'console-new-tenant': newTenant,
    'console-users': users,
    'console-invite-create': inviteCreate,
    'console-invite-page': invitePage,
    'console-invite-accept': inviteAccept,
    'console-domains': domains,
    'console-domain-decide': domainDecide,
    'console-keys': keys,
    'console-key-create': keyCreate,
    'console-key-revoke': keyRevoke,
    'console-audit': audit,
    'console-orders': orders,
    'console-order': order,
    'console-order-transfer': orderTransfer,
    'console-order-cancel': orderCancel,
    'console-dead-letters': deadLetters,
    'console-replay': replay,
    'console-translations': translations,
    'console-translations-save': translationsSave,
  },
  { errorPage: consoleErrorPage },
);

/** Console routes answer only on the console's host: on a site's host they do not exist. */
export const handler: RouteHandler = async (event, context) => {
  if (!onConsoleHost(event))
    return errorResponse(new DomainError('ROUTE_NOT_FOUND'), 'en', context.awsRequestId);
  return routed(event, context);
};
