/** The partner admin API: tenants, their versions and audit, keys, domains, offer overrides. */

import { handler as domainApproval } from '../handlers/admin-domain-approval.ts';
import { handler as domainList } from '../handlers/admin-domain-list.ts';
import { handler as domainVerify } from '../handlers/admin-domain-verify.ts';
import { handler as keyCreate } from '../handlers/admin-key-create.ts';
import { handler as keyList } from '../handlers/admin-key-list.ts';
import { handler as keyRevoke } from '../handlers/admin-key-revoke.ts';
import { handler as offerOverride } from '../handlers/admin-offer-override.ts';
import { handler as adminOrderCancel } from '../handlers/admin-order-cancel.ts';
import { handler as adminOrderGet } from '../handlers/admin-order-get.ts';
import { handler as adminOrderList } from '../handlers/admin-order-list.ts';
import { handler as tenantAudit } from '../handlers/admin-tenant-audit.ts';
import { handler as tenantCreate } from '../handlers/admin-tenant-create.ts';
import { handler as tenantGet } from '../handlers/admin-tenant-get.ts';
import { handler as tenantUpdate } from '../handlers/admin-tenant-update.ts';
import { handler as tenantVersion } from '../handlers/admin-tenant-version.ts';
import { handler as paymentBankTransfer } from '../handlers/payment-bank-transfer.ts';
import { handler as paymentRefund } from '../handlers/payment-refund.ts';
import { functionHandler } from '../http/dispatch.ts';
import { idempotency } from '../http/idempotency.ts';

export const handler = functionHandler(
  'partner-admin',
  {
    'admin-domain-approval': domainApproval,
    'admin-domain-list': domainList,
    'admin-domain-verify': domainVerify,
    'admin-key-create': keyCreate,
    'admin-key-list': keyList,
    'admin-key-revoke': keyRevoke,
    'admin-offer-override': offerOverride,
    'admin-tenant-audit': tenantAudit,
    'admin-tenant-create': tenantCreate,
    'admin-tenant-get': tenantGet,
    'admin-tenant-update': tenantUpdate,
    'admin-tenant-version': tenantVersion,
    'payment-bank-transfer': paymentBankTransfer,
    'payment-refund': paymentRefund,
    'admin-order-list': adminOrderList,
    'admin-order-get': adminOrderGet,
    'admin-order-cancel': adminOrderCancel,
  },
  { idempotency },
);
