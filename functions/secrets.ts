/**
 * Secrets a function may read are named in its `access.secrets` (functions/background.ts,
 * functions/routes.ts). CDK creates one Secrets Manager secret per name in each region and
 * passes its ARN to the functions that list it in the variable named here; locally the
 * platform keeps secrets under `.local/`.
 */
export const OPERATOR_API_KEY = 'operator-api-key';
export const QUOTE_SIGNING_KEY = 'quote-signing-key';
export const SUPPLY_SIGNING_KEY = 'supply-signing-key';
/** The key buyers' one-time codes (password reset) are stored under, as HMAC-SHA256. */
export const BUYER_CODE_KEY = 'buyer-code-key';
/**
 * Toss Payments' secret key for virtual accounts: one key, or a JSON object of keys by tenant id
 * (`{"kr": "live_sk_…"}`) when partners bring their own merchant accounts.
 */
export const TOSS_SECRET_KEY = 'toss-secret-key';
/**
 * Where the secrets partners set themselves live (their own Toss key, `tenants/<id>/toss-secret-key`):
 * in AWS, Secrets Manager names under the prefix this variable holds (CDK sets it, and grants only
 * those names: write to the console, read to the functions that take payments); locally files in
 * the secrets folder.
 */
export const TENANT_SECRET_PREFIX_ENV = 'TENANT_SECRET_PREFIX';
/** The storefront's form key: every buyer and account page's CSRF tokens, and the guest's order link a checkout page makes. */
export const FORM_KEY = 'form-key';
/** The value CloudFront adds as `x-origin-verify` to every origin request: only CloudFront reaches the API. */
export const ORIGIN_VERIFY_KEY = 'origin-verify-key';
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/** `supply-signing-key` → `SECRET_SUPPLY_SIGNING_KEY_ARN`. */
export function secretEnvName(name: string): string {
  return `SECRET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_ARN`;
}
