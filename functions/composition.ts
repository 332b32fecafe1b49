import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoClient } from '../adapters/dynamodb/client.ts';
import { DynamoFxRateStore } from '../adapters/dynamodb/fx-rate-store.ts';
import { DynamoOfferRepository } from '../adapters/dynamodb/offer-repository.ts';
import { DynamoQuoteStore } from '../adapters/dynamodb/quote-store.ts';
import { DynamoTenantRepository } from '../adapters/dynamodb/tenant-repository.ts';
import { fxProvidersFor } from '../adapters/fx/providers.ts';
import {
  cachedSecrets,
  localFileSecrets,
  type SecretStore,
  secretsManagerSecrets,
} from '../adapters/secrets/secret-store.ts';
import type { FxProvider } from '../core/fx/rates.ts';
import { landedCostService } from '../core/landed-cost/service.ts';
import { createPriceBooks } from '../core/pricing/books.ts';
import type { PriceBooks } from '../core/pricing/price-book.ts';
import { quoteService } from '../core/quotes/quote.ts';
import type { AdminAuthPorts } from '../core/tenants/admin-auth.ts';
import { cachedDirectory, type TenantDirectory } from '../core/tenants/tenant.ts';
import { type Config, loadConfig } from './config.ts';
import { OPERATOR_API_KEY, QUOTE_SIGNING_KEY, secretEnvName } from './secrets.ts';

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
  tenants: TenantDirectory;
  /** Latest and historical CNY-based FX rates. */
  fxRates: DynamoFxRateStore;
  /** Where the refresh job reads rates from (FX_PROVIDER), in priority order. */
  fxProviders: readonly FxProvider[];
  /** A tenant's PriceBook: `priceBooks.forTenant(tenant, locale)`. */
  priceBooks: PriceBooks;
  /** Secrets by name (SECRETS_PROVIDER), cached for five minutes. */
  secrets: SecretStore;
  /** What admin authentication reads: tenant key records and the operator key. */
  adminAuth: AdminAuthPorts;
  /** Signed quotes: price lines against the catalog, store, verify. */
  quotes: ReturnType<typeof quoteService>;
  /** Landed-cost estimates per shipping lane. */
  landedCost: ReturnType<typeof landedCostService>;
  /** Catalog offers (with SKUs), tenant overrides and the translation queue. */
  offers: DynamoOfferRepository;
}

let current: Services | undefined;

export function services(): Services {
  current ??= buildServices(loadConfig());
  return current;
}

export function buildServices(config: Config): Services {
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
    300_000,
  );
  return {
    config,
    dynamo,
    db,
    tenantRepository,
    tenants: cachedDirectory(tenantRepository, config.TENANT_CACHE_TTL_MS),
    fxRates,
    fxProviders: fxProvidersFor(config.FX_PROVIDER, config.FX_FILE_DIR),
    priceBooks,
    secrets,
    adminAuth: {
      findKey: (tenantId, keyId) => tenantRepository.findKey(tenantId, keyId),
      operatorKey: () => secrets.get(OPERATOR_API_KEY),
    },
    quotes: quoteService({
      offers,
      priceBooks,
      store: new DynamoQuoteStore(db, config.TABLE_NAME),
      signingKey: () => secrets.get(QUOTE_SIGNING_KEY),
      ttlSeconds: config.QUOTE_TTL_SECONDS,
    }),
    landedCost: landedCostService({ offers, priceBooks }),
    offers,
  };
}
