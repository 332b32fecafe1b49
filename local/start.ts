/**
 * `npm start`: the whole platform on this machine with no AWS account. Starts (or reuses)
 * DynamoDB Local and OpenSearch, prepares the table, index and demo data, then serves the
 * Lambda handlers behind a local HTTP API gateway. Ctrl-C or SIGTERM stops everything.
 */
import { join } from 'node:path';
import { OPERATOR_API_KEY, SUPPLY_SIGNING_KEY } from '../functions/secrets.ts';
import { startBackground } from './background.ts';
import { createGateway, listen } from './gateway.ts';
import { logsDir, mailDir, secretsDir } from './paths.ts';
import { bootLocalPlatform, localPlatformNames } from './platform.ts';
import { startSupplierSandbox } from './sandbox/process.ts';
import { startPaymentSandbox } from './sandbox/start-payment-provider.ts';
import { demoOfferCount, seedCatalogOnFirstRun } from './seed/catalog.ts';
import { demoTenants } from './seed/demo-tenants.ts';
import { startLocalServers } from './servers/index.ts';
import { MissingToolError } from './servers/toolchain.ts';
import { onShutdown } from './shutdown.ts';

const port = Number(process.env.PORT ?? 3000);
/** The local operator's console user; its password is a local secret file, made on first start. */
const CONSOLE_OPERATOR_EMAIL = 'operator@sourcefront.localhost';
const CONSOLE_OPERATOR_PASSWORD = 'console-operator-password';
const sandboxPort = Number(process.env.SANDBOX_SUPPLIER_PORT ?? 4010);

/** What has been started so far, stopped last-first on Ctrl-C, SIGTERM or a failed start. */
const started: Array<() => Promise<void>> = [];
async function stopStarted(): Promise<void> {
  for (const stop of started.reverse()) await stop().catch((error: unknown) => console.error(error));
}
onShutdown(stopStarted);

try {
  const demoOffers = demoOfferCount(process.env.DEMO_OFFERS);
  console.log('Sourcefront local platform: starting DynamoDB Local and OpenSearch…');
  const servers = await startLocalServers();
  started.push(() => servers.stop());
  const keys = process.env.SECRETS_DIR ?? secretsDir;
  // The sandbox supplier plays the China side: POs go to it, its webhooks come back to the gateway.
  const sandbox = await startSupplierSandbox({
    keyFile: join(keys, SUPPLY_SIGNING_KEY),
    webhookUrl: `http://127.0.0.1:${port}/api/v1/supply/webhooks`,
    port: sandboxPort,
    stepMs: Number(process.env.SANDBOX_SUPPLIER_STEP_MS ?? 15_000),
  });
  started.push(() => sandbox.stop());
  process.env.SUPPLY_ENDPOINT_URL ??= sandbox.url;
  // The sandbox payment provider (Toss Payments' API) as its own process; the platform calls it as TOSS_API_BASE.
  const paymentSandbox = await startPaymentSandbox({
    port: Number(process.env.PAYMENT_SANDBOX_PORT ?? 0),
    logFile: join(logsDir, 'payment-sandbox.log'),
  });
  started.push(() => paymentSandbox.stop());
  const services = await bootLocalPlatform(servers, localPlatformNames, { tossApiBase: paymentSandbox.url });
  // The operator's console user, its password a local secret (made on first start).
  const operatorPassword = await services.secrets.get(CONSOLE_OPERATOR_PASSWORD);
  await services.partners.ensureUser(
    { email: CONSOLE_OPERATOR_EMAIL, role: 'operator', password: operatorPassword },
    'local start',
  );
  for (const tenant of demoTenants) await services.partners.recordTenant(tenant.id);
  const gateway = createGateway();
  const bound = await listen(gateway, port);
  started.push(async () => {
    const closed = new Promise((resolve) => gateway.close(resolve));
    gateway.closeAllConnections();
    await closed;
  });
  // Deposit callbacks go to the virtual-account site (locally every tenant shares one sandbox key).
  await paymentSandbox.setWebhook(`http://kr.localhost:${bound}/api/v1/payments/toss/deposit-callback`);
  // The stream poller (the dispatcher) and the schedules (payment deadlines, FX refresh, PO retries), from the background registry.
  const background = await startBackground(services);
  started.push(() => background.stop());
  const reused = (s: { reused: boolean }) => (s.reused ? ' (already running, reused)' : '');
  console.log(
    [
      '',
      `  API gateway     http://localhost:${bound}   (try http://localhost:${bound}/api/v1/health)`,
      `  Console         http://console.localhost:${bound}/   (sign in as ${CONSOLE_OPERATOR_EMAIL}, password in ${join(keys, CONSOLE_OPERATOR_PASSWORD)})`,
      `  Partner sites   ${demoTenants.map((t) => `http://${t.id}.localhost:${bound}`).join('  ')}`,
      `  Operator key    ${join(process.env.SECRETS_DIR ?? secretsDir, OPERATOR_API_KEY)}   (admin API: Authorization: Bearer <key>)`,
      `  DynamoDB Local  ${servers.dynamodb.endpoint}${reused(servers.dynamodb)}`,
      `  OpenSearch      ${servers.opensearch.endpoint}${reused(servers.opensearch)}`,
      `  Mail            ${services.config.MAIL_DIR ?? mailDir}   (one .eml file per message sent)`,
      `  Payments        ${paymentSandbox.url}   (sandbox Toss API; pay a virtual account: POST ${paymentSandbox.url}/sandbox/deposits {"orderId","amount"})`,
      `  Sandbox supplier ${sandbox.url}   (what it received: ${sandbox.url}/_sandbox/received; switches: POST ${sandbox.url}/_sandbox/switches)`,
      '  Data and logs   .local/data, .local/logs',
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  seedCatalogOnFirstRun(services, { siteUrl: `http://vn.localhost:${bound}`, offers: demoOffers }).catch(
    (error) => console.error('Seeding the demo catalog failed:', error),
  );
} catch (error) {
  if (error instanceof MissingToolError) {
    console.error(error.message);
  } else {
    console.error('The local platform could not start:', error);
  }
  await stopStarted();
  process.exit(1);
}
