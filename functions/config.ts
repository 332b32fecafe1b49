import * as z from 'zod';

/**
 * The configuration every function reads from its environment, parsed once at cold start.
 * CDK sets these from the same names (lib/ imports `configKeys`), the local platform sets
 * them before loading handlers; a missing one fails fast with its name.
 */
export const configSchema = z.object({
  /** Where this runs: `local` (npm start, tests) or a deployed stage. `<id>.localhost` hosts route only locally and in dev. */
  STAGE: z.enum(['local', 'dev', 'staging', 'prod']).default('local'),
  /**
   * `required` behind CloudFront: a request without the origin-verify header CloudFront adds
   * (functions/secrets.ts) is refused, and the site is taken only from what CloudFront forwards.
   */
  ORIGIN_VERIFY: z.enum(['off', 'required']).default('off'),
  TABLE_NAME: z.string().min(3),
  OFFERS_ALIAS: z.string().min(1),
  OPENSEARCH_ENDPOINT: z.url(),
  OPENSEARCH_AUTH: z.enum(['none', 'sigv4']).default('sigv4'),
  AWS_REGION: z.string().default('us-east-1'),
  /** Only locally: DynamoDB Local's address. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Where FX rates come from: the publishers over HTTPS, or their saved copies (offline local runs). */
  FX_PROVIDER: z.enum(['http', 'file']).default('http'),
  /** Only with FX_PROVIDER=file: the folder holding the saved documents (default local/fx). */
  FX_FILE_DIR: z.string().min(1).optional(),
  /** How long a warm function reuses a tenant's pricing terms and FX rate. */
  PRICE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Where secrets are read: Secrets Manager (AWS) or files (local). */
  SECRETS_PROVIDER: z.enum(['secrets-manager', 'local-files']).default('secrets-manager'),
  /** Only with SECRETS_PROVIDER=local-files: the folder (the local platform uses .local/secrets). */
  SECRETS_DIR: z.string().min(1).optional(),
  /** The supply endpoint purchase orders go to (locally the sandbox supplier); unset: the handoff keeps POs pending. */
  SUPPLY_ENDPOINT_URL: z.url().optional(),
  /** Delivery attempts of a PO before it is parked as a dead letter. */
  HANDOFF_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** The first retry's wait; each next one doubles, with jitter (113 s: 8 attempts over about 4 hours). */
  HANDOFF_RETRY_BASE_MS: z.coerce.number().int().min(10).default(113_000),
  /** How long a quote stays valid. */
  QUOTE_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  /** Where mail goes: Amazon SES (AWS), or `.eml` files the local platform writes (MAIL_DIR). */
  MAIL_PROVIDER: z.enum(['ses', 'local-files']).default('ses'),
  /**
   * The platform's sender, for sites without a contact address (a site with one sends from
   * it). Deployed, lib/ sets the region's `mailFrom` (cdk.json); the default is for local runs.
   */
  MAIL_FROM: z.email().default('no-reply@sourcefront.localhost'),
  /** Only with MAIL_PROVIDER=local-files: the folder (the local platform uses .local/mail). */
  MAIL_DIR: z.string().min(1).optional(),
  /** The asset store: the S3 bucket CloudFront serves under `/assets/*` (lib/ sets it for functions that write assets); unset, the ASSETS_DIR folder. */
  ASSETS_BUCKET: z.string().min(1).optional(),
  /** Only without ASSETS_BUCKET: the folder the local gateway serves under `/assets/`. */
  ASSETS_DIR: z.string().min(1).default('.local/assets'),
  /** Toss Payments' API: https://api.tosspayments.com in AWS, the sandbox provider process locally. */
  TOSS_API_BASE: z.url().default('https://api.tosspayments.com'),
});
export type Config = z.infer<typeof configSchema>;
export const configKeys = Object.keys(configSchema.shape) as (keyof Config)[];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid function configuration (${problems})`);
  }
  return result.data;
}
