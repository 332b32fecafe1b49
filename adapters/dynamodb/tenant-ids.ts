import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { tenantConfig } from './entities/tenant-config.ts';

/** The CONFIG key's shape, from its entity: the text around a tenant id, and the sort key. */
const PLACEHOLDER = 'tenantid';
const sample = tenantConfig.key({ tenantId: PLACEHOLDER });
const [before, after] = sample.pk.split(PLACEHOLDER) as [string, string];

/**
 * Every tenant id of the table, for background sweeps that work tenant by tenant (the payment
 * deadline job: orders are found per tenant, under the tenant's own keys). A Scan filtered to
 * the tenant CONFIG items, read only by scheduled jobs, never on a request path; a region
 * holds few tenants, but the scan reads the whole table, so a tenant index item written with
 * each config (pk = TENANTS) would make this a Query.
 */
export async function listTenantIds(db: DynamoDBDocumentClient, tableName: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :config AND begins_with(pk, :tenant)',
        ExpressionAttributeValues: { ':config': sample.sk, ':tenant': before },
        ProjectionExpression: 'pk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const pk = String(item.pk);
      if (pk.startsWith(before) && pk.endsWith(after))
        ids.push(pk.slice(before.length, pk.length - after.length));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return ids.sort();
}
