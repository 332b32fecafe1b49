/**
 * `npm start`: the whole platform on this machine with no AWS account. Starts (or reuses)
 * DynamoDB Local and OpenSearch, prepares the table, index and demo data, then serves the
 * Lambda handlers behind a local HTTP API gateway. Ctrl-C or SIGTERM stops everything.
 */
import { join } from 'node:path';
import { OPERATOR_API_KEY } from '../functions/secrets.ts';
import { createGateway, listen } from './gateway.ts';
import { logsDir, mailDir, secretsDir } from './paths.ts';
import { bootLocalPlatform, localPlatformNames } from './platform.ts';
import { startPaymentSandbox } from './sandbox/start-payment-provider.ts';
import { runSchedules } from './schedules.ts';
import { seedCatalogOnFirstRun } from './seed/catalog.ts';
import { demoTenants } from './seed/demo-tenants.ts';
import { startLocalServers } from './servers/index.ts';
import { MissingToolError } from './servers/toolchain.ts';
import { onShutdown } from './shutdown.ts';

const port = Number(process.env.PORT ?? 3000);

try {
  console.log('Sourcefront local platform: starting DynamoDB Local and OpenSearch…');
  const servers = await startLocalServers();
  // The sandbox payment provider (Toss Payments' API) as its own process; the platform calls it as TOSS_API_BASE.
  const paymentSandbox = await startPaymentSandbox({
    port: Number(process.env.PAYMENT_SANDBOX_PORT ?? 0),
    logFile: join(logsDir, 'payment-sandbox.log'),
  });
  const services = await bootLocalPlatform(servers, localPlatformNames, { tossApiBase: paymentSandbox.url });
  const gateway = createGateway();
  const bound = await listen(gateway, port);
  // Deposit callbacks go to the virtual-account site (locally every tenant shares one sandbox key).
  const callbackUrl = `http://kr.localhost:${bound}/api/v1/payments/toss/deposit-callback`;
  await paymentSandbox.setWebhook(callbackUrl);
  // The background registry's schedules (payment deadlines, FX refresh), as EventBridge runs them.
  const stopSchedules = runSchedules();
  onShutdown(async () => {
    stopSchedules();
    await new Promise((resolve) => gateway.close(resolve));
    gateway.closeAllConnections();
    await paymentSandbox.stop();
    await servers.stop();
  });
  const reused = (s: { reused: boolean }) => (s.reused ? ' (already running, reused)' : '');
  console.log(
    [
      '',
      `  API gateway     http://localhost:${bound}   (try http://localhost:${bound}/api/v1/health)`,
      `  Partner sites   ${demoTenants.map((t) => `http://${t.id}.localhost:${bound}`).join('  ')}`,
      `  Operator key    ${join(process.env.SECRETS_DIR ?? secretsDir, OPERATOR_API_KEY)}   (admin API: Authorization: Bearer <key>)`,
      `  DynamoDB Local  ${servers.dynamodb.endpoint}${reused(servers.dynamodb)}`,
      `  OpenSearch      ${servers.opensearch.endpoint}${reused(servers.opensearch)}`,
      `  Mail            ${services.config.MAIL_DIR ?? mailDir}   (one .eml file per message sent)`,
      `  Payments        ${paymentSandbox.url}   (sandbox Toss API; pay a virtual account: POST ${paymentSandbox.url}/sandbox/deposits {"orderId","amount"})`,
      '  Data and logs   .local/data, .local/logs',
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  seedCatalogOnFirstRun(services, { siteUrl: `http://vn.localhost:${bound}` }).catch((error) =>
    console.error('Seeding the demo catalog failed:', error),
  );
} catch (error) {
  if (error instanceof MissingToolError) {
    console.error(error.message);
  } else {
    console.error('The local platform could not start:', error);
  }
  process.exit(1);
}
