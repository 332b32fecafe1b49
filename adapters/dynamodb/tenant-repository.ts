import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  normalizeHost,
  type Tenant,
  type TenantDirectory,
  type TenantInput,
  tenantSchema,
} from '../../core/tenants/tenant.ts';

/**
 * Access patterns
 * | pattern              | key                                      |
 * | -------------------- | ---------------------------------------- |
 * | tenant by id         | pk = T#<id>, sk = CONFIG                  |
 * | tenant id by domain  | pk = DOMAIN#<host>, sk = DOMAIN (routing) |
 * Domain items hold no tenant data, only the id to route to.
 */
export const tenantKeys = {
  config: (id: string) => ({ pk: `T#${id}`, sk: 'CONFIG' }),
  domain: (host: string) => ({ pk: `DOMAIN#${normalizeHost(host)}`, sk: 'DOMAIN' }),
};

export class DynamoTenantRepository implements TenantDirectory {
  private readonly db: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(db: DynamoDBDocumentClient, tableName: string) {
    this.db = db;
    this.tableName = tableName;
  }

  async byId(id: string): Promise<Tenant | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: tenantKeys.config(id) }),
    );
    return Item ? tenantSchema.parse(Item.tenant) : undefined;
  }

  async byHost(host: string | undefined): Promise<Tenant | undefined> {
    if (!host) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: tenantKeys.domain(host),
        ProjectionExpression: 'tenantId',
      }),
    );
    return Item ? this.byId(String(Item.tenantId)) : undefined;
  }

  /** Writes the tenant and its domain routes in one transaction. */
  async put(tenant: TenantInput): Promise<void> {
    const valid = tenantSchema.parse(tenant);
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...tenantKeys.config(valid.id), tenant: valid } } },
          ...valid.domains.map((domain) => ({
            Put: { TableName: this.tableName, Item: { ...tenantKeys.domain(domain), tenantId: valid.id } },
          })),
        ],
      }),
    );
  }
}
