import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AssetStore, directoryAssetStore, s3AssetStore } from '../adapters/assets/store.ts';
import { dnsTxtCheck } from '../adapters/domains/dns-txt-check.ts';
import { httpTokenCheck } from '../adapters/domains/http-token-check.ts';
import { DynamoBuyerStore } from '../adapters/dynamodb/buyer-store.ts';
import { DynamoCartStore } from '../adapters/dynamodb/cart-store.ts';
import { createDocumentClient, createDynamoClient } from '../adapters/dynamodb/client.ts';
import { DynamoDomainVerifications } from '../adapters/dynamodb/domain-verifications.ts';
import { DynamoFxRateStore } from '../adapters/dynamodb/fx-rate-store.ts';
import { DynamoHandoffStore } from '../adapters/dynamodb/handoff-store.ts';
import { DynamoOfferRepository } from '../adapters/dynamodb/offer-repository.ts';
import { DynamoOrderStore, OrderExistsError } from '../adapters/dynamodb/order-store.ts';
import { DynamoPartnerStore } from '../adapters/dynamodb/partner-store.ts';
import { DynamoQuoteStore } from '../adapters/dynamodb/quote-store.ts';
import { DynamoRateLimiter } from '../adapters/dynamodb/rate-limit-store.ts';
import { DynamoTenantRepository } from '../adapters/dynamodb/tenant-repository.ts';
import { sesMailer } from '../adapters/mail/ses.ts';
import { tenantFirstSecretKey, tossVirtualAccounts } from '../adapters/payments/toss-virtual-account.ts';
import {
  cachedSecrets,
  cachedWritableSecrets,
  localFileSecrets,
  localWritableSecrets,
  type SecretStore,
  secretsManagerSecrets,
  secretsManagerWritableSecrets,
  tenantSecretName,
  type WritableSecrets,
} from '../adapters/secrets/secret-store.ts';
import { httpSupplyClient } from '../adapters/supply/http-supply-client.ts';
import { type BuyerAccounts, buyerAccounts } from '../core/buyers/accounts.ts';
import { type CartService, cartService } from '../core/cart/service.ts';
import { type HandoffService, handoffService, type SupplyClient } from '../core/handoff/dispatcher.ts';
import type { RetryPolicy } from '../core/handoff/records.ts';
import type { HandoffStore } from '../core/handoff/store.ts';
import { landedCostService } from '../core/landed-cost/service.ts';
import type { Mailer } from '../core/mail/mailer.ts';
import { checkoutService } from '../core/orders/checkout.ts';
import { type OrderService, orderService } from '../core/orders/service.ts';
import { type PartnerAccounts, partnerAccounts } from '../core/partners/accounts.ts';
import { type PaymentService, paymentService } from '../core/payments/service.ts';
import { vietQrPayload } from '../core/payments/vietqr.ts';
import { createPriceBooks } from '../core/pricing/books.ts';
import type { PriceBooks } from '../core/pricing/price-book.ts';
import { quoteService } from '../core/quotes/quote.ts';
import type { RateLimiter } from '../core/security/rate-limits.ts';
import type { AdminAuthPorts } from '../core/tenants/admin-auth.ts';
import { tenantAdmin } from '../core/tenants/admin-service.ts';
import {
  type DomainChecks,
  type DomainService,
  domainService,
  routableDirectory,
} from '../core/tenants/domains.ts';
import { cachedDirectory, type TenantDirectory } from '../core/tenants/tenant.ts';
import { type Config, loadConfig } from './config.ts';
import { jobLogger } from './http/telemetry.ts';
import {
  BUYER_CODE_KEY,
  OPERATOR_API_KEY,
  QUOTE_SIGNING_KEY,
  SUPPLY_SIGNING_KEY,
  secretEnvName,
  TENANT_SECRET_PREFIX_ENV,
  TOSS_SECRET_KEY,
} from './secrets.ts';

/**
 * The one place handlers get their adapters from, the same in Lambda and on the local
 * platform (which differ only in environment). Built on first use and kept for the life of
 * the container, so clients and connections are reused across invocations.
 */
export interface Services {
  config: Config;
  dynamo: DynamoDBClient;
  db: DynamoDBDocumentClient;
  tenantRepository: DynamoTenantRepository;
  /** Host → tenant for requests: only verified or approved domains, `<id>.localhost` in local and dev. */
  tenants: TenantDirectory;
  /** Each domain's verification state, token and decisions. */
  domainVerifications: DynamoDomainVerifications;
  /** The domain rules of the admin API: list, check now, operator approval. */
  domains: DomainService;
  /** Latest and historical CNY-based FX rates. */
  fxRates: DynamoFxRateStore;
  /** A tenant's PriceBook: `priceBooks.forTenant(tenant, locale)`. */
  priceBooks: PriceBooks;
  /** Secrets by name (SECRETS_PROVIDER), cached for five minutes. */
  secrets: SecretStore;
  /** Secrets partners set from the console (their own provider keys): absent until set. */
  tenantSecrets: WritableSecrets;
  /** What admin authentication reads: tenant key records and the operator key. */
  adminAuth: AdminAuthPorts;
  /** The partner admin API's rules over the tenant store. */
  tenantAdmin: ReturnType<typeof tenantAdmin>;
  /** Signed quotes: price lines against the catalog, store, verify. */
  quotes: ReturnType<typeof quoteService>;
  /** Landed-cost estimates per shipping lane. */
  landedCost: ReturnType<typeof landedCostService>;
  /** Shoppers' carts, priced live; `priceForCheckout` and `clear` for checkout. */
  carts: CartService;
  /** Catalog offers (with SKUs), tenant overrides and the translation queue. */
  offers: DynamoOfferRepository;
  /** Fixed-window counters: failed sign-ins, per-route limits. */
  rateLimits: RateLimiter;
  /** Outgoing mail (MAIL_PROVIDER): SES, or the local platform's `.eml` files. */
  mailer: Mailer;
  /** Buyer accounts, sessions and password resets of each site. */
  buyers: BuyerAccounts;
  /** Console users (operator, partners' owners and staff), their sessions and invites. */
  partners: PartnerAccounts;
  /** Orders with their stock and outbox. */
  orders: DynamoOrderStore;
  /** Checkout: a priced cart becomes an order (stock taken, payment set up). */
  checkout: ReturnType<typeof checkoutService>;
  /** Orders for buyers and partners: read, list, cancel. */
  orderService: OrderService;
  /** Payments per method behind the payment port: set-up, provider callbacks, transfers, refunds, deadlines. */
  payments: PaymentService;
  /** Purchase orders, their delivery and the partner's supply notices. */
  handoffStore: HandoffStore;
  /** The cross-border handoff: outbox → POs, retries, dead letters, webhooks in. */
  handoff: HandoffService;
  /** Images: the S3 bucket CloudFront serves under /assets/* (ASSETS_BUCKET), else the ASSETS_DIR folder. */
  assets: AssetStore;
}

/**
 * Secrets are re-read at most this often: a rotated operator key stops working, and a new one
 * starts, within a minute.
 */
export const SECRET_CACHE_TTL_MS = 60_000;

let current: Services | undefined;

const handoffLogger = jobLogger('handoff');
const handoffLog = {
  info: (message: string, data: Record<string, unknown> = {}) => handoffLogger.info(message, data),
  warn: (message: string, data: Record<string, unknown> = {}) => handoffLogger.warn(message, data),
};

/** The services of this container: in Lambda built from the environment on first use. */
export function services(): Services {
  current ??= buildServices(loadConfig());
  return current;
}

/**
 * The local platform composes its services from its own configuration (not from environment
 * variables it would have to write) and hands them to the handlers it serves with this.
 */
export function provideServices(built: Services): void {
  current = built;
}

/** Adapters a caller may supply instead of the defaults (tests point the domain checks at local servers). */
export interface AdapterOverrides {
  domainChecks?: DomainChecks;
  /** The local platform's mail writer (MAIL_PROVIDER=local-files): kept out of the Lambda bundles. */
  mailer?: Mailer;
  /** Toss Payments' API base instead of TOSS_API_BASE (the local platform's sandbox provider process). */
  tossApiBase?: string;
  /** The supply endpoint (tests point it at their sandbox supplier). */
  supply?: SupplyClient;
  /** The delivery retry schedule (tests shorten the clock). */
  handoffRetry?: RetryPolicy;
}

function mailerFor(config: Config, override: Mailer | undefined): Mailer {
  if (override) return override;
  if (config.MAIL_PROVIDER === 'ses')
    return sesMailer({ region: config.AWS_REGION, defaultFrom: config.MAIL_FROM });
  throw new Error(
    'MAIL_PROVIDER=local-files is served by the local platform (local/platform.ts), not in a function',
  );
}

/** Without a configured endpoint every send fails, so POs wait in the retry queue (and then as dead letters). */
const unconfiguredSupply: SupplyClient = {
  send: async () => {
    throw new Error('SUPPLY_ENDPOINT_URL is not set');
  },
  cancel: async () => {
    throw new Error('SUPPLY_ENDPOINT_URL is not set');
  },
  get: async () => undefined,
};

export function buildServices(config: Config, overrides: AdapterOverrides = {}): Services {
  const dynamo = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = createDocumentClient(dynamo);
  const tenantRepository = new DynamoTenantRepository(db, config.TABLE_NAME);
  const fxRates = new DynamoFxRateStore(db, config.TABLE_NAME);
  const priceBooks = createPriceBooks({
    rates: fxRates,
    cacheTtlMs: config.PRICE_CACHE_TTL_MS,
  });
  const offers = new DynamoOfferRepository(db, config.TABLE_NAME);
  const secrets = cachedSecrets(
    config.SECRETS_PROVIDER === 'local-files'
      ? localFileSecrets(config.SECRETS_DIR ?? '.local/secrets')
      : secretsManagerSecrets(config.AWS_REGION, (name) => process.env[secretEnvName(name)] ?? name),
    SECRET_CACHE_TTL_MS,
  );
  const tenantSecrets = cachedWritableSecrets(
    config.SECRETS_PROVIDER === 'local-files'
      ? localWritableSecrets(config.SECRETS_DIR ?? '.local/secrets')
      : secretsManagerWritableSecrets(
          config.AWS_REGION,
          process.env[TENANT_SECRET_PREFIX_ENV] ?? 'sourcefront',
        ),
    SECRET_CACHE_TTL_MS,
  );
  const domainVerifications = new DynamoDomainVerifications(db, config.TABLE_NAME);
  const rateLimits = new DynamoRateLimiter(db, config.TABLE_NAME);
  const mailer = mailerFor(config, overrides.mailer);
  const handoffStore = new DynamoHandoffStore(db, config.TABLE_NAME);
  const supply =
    overrides.supply ??
    (config.SUPPLY_ENDPOINT_URL
      ? httpSupplyClient({
          baseUrl: config.SUPPLY_ENDPOINT_URL,
          signingKey: () => secrets.get(SUPPLY_SIGNING_KEY),
        })
      : unconfiguredSupply);
  const byId = (id: string) => tenantRepository.byId(id);
  const orders = new DynamoOrderStore(db, config.TABLE_NAME);
  const orderLookup = orderService({ store: orders, tenants: { byId } });
  const payments = paymentService({
    orders,
    lookup: orderLookup,
    provider: tossVirtualAccounts({
      apiBase: overrides.tossApiBase ?? config.TOSS_API_BASE,
      secretKey: tenantFirstSecretKey({
        tenantKey: (tenantId) => tenantSecrets.find(tenantSecretName(tenantId, TOSS_SECRET_KEY)),
        platformKey: () => secrets.get(TOSS_SECRET_KEY),
      }),
    }),
    vietQr: vietQrPayload,
  });
  const routable = routableDirectory({
    directory: tenantRepository,
    byId,
    records: domainVerifications,
    stage: config.STAGE,
  });
  return {
    config,
    dynamo,
    db,
    assets: config.ASSETS_BUCKET
      ? s3AssetStore({ region: config.AWS_REGION, bucket: config.ASSETS_BUCKET })
      : directoryAssetStore(config.ASSETS_DIR),
    tenantRepository,
    tenants: cachedDirectory(routable, config.TENANT_CACHE_TTL_MS),
    domainVerifications,
    domains: domainService({
      tenants: { byId },
      store: domainVerifications,
      checks: overrides.domainChecks ?? { dns: dnsTxtCheck(), http: httpTokenCheck() },
      stage: config.STAGE,
    }),
    fxRates,
    priceBooks,
    secrets,
    tenantSecrets,
    tenantAdmin: tenantAdmin(tenantRepository),
    adminAuth: {
      findKey: (tenantId, keyId) => tenantRepository.findKey(tenantId, keyId),
      operatorKey: () => secrets.get(OPERATOR_API_KEY),
    },
    quotes: quoteService({
      offers,
      priceBooks,
      store: new DynamoQuoteStore(db, config.TABLE_NAME),
      signingKey: () => secrets.get(QUOTE_SIGNING_KEY),
      verifyingKeys: () => secrets.versions(QUOTE_SIGNING_KEY),
      ttlSeconds: config.QUOTE_TTL_SECONDS,
    }),
    landedCost: landedCostService({ offers, priceBooks }),
    carts: cartService({ carts: new DynamoCartStore(db, config.TABLE_NAME), offers, priceBooks }),
    offers,
    rateLimits,
    mailer,
    buyers: buyerAccounts({
      store: new DynamoBuyerStore(db, config.TABLE_NAME),
      rateLimits,
      mailer,
      platformFrom: config.MAIL_FROM,
      codeKey: () => secrets.get(BUYER_CODE_KEY),
    }),
    partners: partnerAccounts({
      store: new DynamoPartnerStore(db, config.TABLE_NAME),
      rateLimits,
      mailer,
      platformFrom: config.MAIL_FROM,
    }),
    orders,
    checkout: checkoutService({
      store: orders,
      setUpPayment: (order, tenant) => payments.setUp(order, tenant),
      isOrderExists: (error) => error instanceof OrderExistsError,
    }),
    orderService: orderLookup,
    payments,
    handoffStore,
    handoff: handoffService({
      orders,
      store: handoffStore,
      supply,
      retry: overrides.handoffRetry ?? {
        maxAttempts: config.HANDOFF_MAX_ATTEMPTS,
        baseMs: config.HANDOFF_RETRY_BASE_MS,
      },
      log: handoffLog,
      // The supplier card of the PO's first offer carries the supplier's badges.
      promises48h: async (po) =>
        (await offers.get(po.lines[0]!.offerId))?.supplier.badges.includes('ship_48h') ?? false,
    }),
  };
}
