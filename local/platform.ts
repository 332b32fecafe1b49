import type { Client } from '@opensearch-project/opensearch';
import { documentsFromStore } from '../adapters/catalog-import.ts';
import { ensureTable } from '../adapters/dynamodb/bootstrap.ts';
import { fxProvidersFor } from '../adapters/fx/providers.ts';
import { localFileMailer } from '../adapters/mail/local-files.ts';
import { ensureOffersIndex } from '../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../adapters/opensearch/client.ts';
import { OFFERS_ALIAS } from '../adapters/opensearch/offers-index.ts';
import { refreshRates } from '../core/fx/refresh.ts';
import { ruleStatus } from '../core/tenants/domains.ts';
import { normalizeHost } from '../core/tenants/tenant.ts';
import {
  type AdapterOverrides,
  buildServices,
  provideServices,
  type Services,
} from '../functions/composition.ts';
import { type Config, loadConfig } from '../functions/config.ts';
import { connectionOf } from '../functions/search-client.ts';
import { OPERATOR_API_KEY, QUOTE_SIGNING_KEY, SUPPLY_SIGNING_KEY } from '../functions/secrets.ts';
import { assetsDir, mailDir, secretsDir } from './paths.ts';
import { demoTenants } from './seed/demo-tenants.ts';
import type { LocalServers } from './servers/index.ts';

/** What local tools (seeding, import, bench, tests) work with: the services plus the search client. */
export type LocalServices = Services & { search: Client };

/** The table and alias `npm start` and `npm run catalog:import` share. */
export const localPlatformNames = { tableName: 'sourcefront-local', offersAlias: OFFERS_ALIAS } as const;

export interface PlatformNames {
  tableName: string;
  offersAlias: string;
}

/**
 * Points the handlers at the local servers (through the same environment variables Lambda
 * gets), creates the table and the offers index from their single definitions, and seeds the
 * demo tenants. Idempotent: safe on every start.
 */
export async function bootLocalPlatform(
  servers: LocalServers,
  names: PlatformNames,
  overrides: AdapterOverrides = {},
): Promise<LocalServices> {
  const settings = {
    TABLE_NAME: names.tableName,
    OFFERS_ALIAS: names.offersAlias,
    OPENSEARCH_ENDPOINT: servers.opensearch.endpoint,
    OPENSEARCH_AUTH: 'none',
    DYNAMODB_ENDPOINT: servers.dynamodb.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'local',
    TENANT_CACHE_TTL_MS: process.env.TENANT_CACHE_TTL_MS ?? '5000',
    // Offline by default: the saved ECB and Vietcombank documents under local/fx/.
    FX_PROVIDER: process.env.FX_PROVIDER ?? 'file',
    // Secrets (operator key, quote signing key) as files under .local/secrets, made on first use.
    SECRETS_PROVIDER: 'local-files',
    SECRETS_DIR: process.env.SECRETS_DIR ?? secretsDir,
    // Mail as .eml files under .local/mail (npm start says where).
    MAIL_PROVIDER: 'local-files',
    MAIL_DIR: process.env.MAIL_DIR ?? mailDir,
    // The folder the gateway serves under /assets/ (the image mirror writes into it).
    ASSETS_DIR: assetsDir,
  } satisfies Partial<Record<keyof Config, string>>;
  const config = loadConfig({ ...process.env, ...settings });
  const mailer =
    overrides.mailer ?? localFileMailer({ dir: config.MAIL_DIR ?? mailDir, defaultFrom: config.MAIL_FROM });
  const services = await connectLocal(config, { ...overrides, mailer });
  // The handlers behind the local gateway use these services, as a Lambda container uses its own.
  provideServices(services);
  for (const tenant of demoTenants) await services.tenantRepository.seed(tenant);
  await approveDemoDomains(services);
  // Make the local secrets now, so the operator key can be read before the first admin call.
  await Promise.all(
    [OPERATOR_API_KEY, QUOTE_SIGNING_KEY, SUPPLY_SIGNING_KEY].map((name) => services.secrets.get(name)),
  );
  const fx = await refreshRates(
    fxProvidersFor(services.config.FX_PROVIDER, services.config.FX_FILE_DIR),
    services.fxRates,
  );
  if (fx.failures.length > 0) console.warn('FX rates: some providers failed', fx.failures);
  return services;
}

/** The services plus the full search client, with the table and offers index made sure of. */
export async function connectLocal(config: Config, overrides: AdapterOverrides = {}): Promise<LocalServices> {
  const services: LocalServices = {
    ...buildServices(config, overrides),
    search: createSearchClient(connectionOf(config)),
  };
  // A table written in an older key layout is migrated once, saying so in one sentence.
  await ensureTable(services.dynamo, config.TABLE_NAME, { log: (message) => console.warn(message) });
  // An index of an older schema is rebuilt from the table, so its documents get the new fields.
  await ensureOffersIndex(services.search, config.OFFERS_ALIAS, {
    rebuild: documentsFromStore({ db: services.db, tableName: config.TABLE_NAME }),
  });
  return services;
}

/**
 * The demo sites' own domains route on `npm start`: the operator approves them at seed (recorded
 * as the seed's decision). `<id>.localhost` needs nothing (the local stage routes it by rule). A
 * domain an admin added since is not approved here, and a decision taken since (a revocation)
 * stands.
 */
async function approveDemoDomains(services: Services): Promise<void> {
  for (const demo of demoTenants) {
    const current = await services.tenantRepository.byId(demo.id);
    const listed = new Set(current?.domains.map(normalizeHost) ?? []);
    for (const domain of demo.domains.map(normalizeHost)) {
      if (!listed.has(domain) || ruleStatus(demo.id, domain)) continue;
      const record = await services.domainVerifications.get(demo.id, domain);
      if (record && record.status !== 'pending') continue;
      await services.domains.decideAs(
        demo.id,
        domain,
        { approved: true, reason: 'demo site' },
        'operator (local seed)',
      );
    }
  }
}
