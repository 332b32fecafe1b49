/** The console: partner users' and the operator's pages, on the console's own host. */

import { DomainError } from '../../core/errors.ts';
import { handler as home } from '../handlers/console-home.ts';
import { consoleErrorPage, onConsoleHost } from '../handlers/console-kit.ts';
import { handler as notFound } from '../handlers/console-not-found.ts';
import { handler as openTenant } from '../handlers/console-open-tenant.ts';
import { handler as signIn } from '../handlers/console-sign-in.ts';
import { handler as signInPage } from '../handlers/console-sign-in-page.ts';
import { handler as signOut } from '../handlers/console-sign-out.ts';
import { handler as tenant } from '../handlers/console-tenant.ts';
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
    'console-not-found': notFound,
  },
  { errorPage: consoleErrorPage },
);

/** Console routes answer only on the console's host: on a site's host they do not exist. */
export const handler: RouteHandler = async (event, context) => {
  if (!onConsoleHost(event))
    return errorResponse(new DomainError('ROUTE_NOT_FOUND'), 'en', context.awsRequestId);
  return routed(event, context);
};
