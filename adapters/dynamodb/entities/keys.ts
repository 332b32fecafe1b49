import { DomainError } from '../../../core/errors.ts';

/**
 * The key rules every entity of the single table follows, declared once.
 *
 * - Tenant data: the partition key (and every GSI partition key) starts with `T#<tenantId>#`,
 *   so a deployed role can be scoped with `dynamodb:LeadingKeys` = `T#vn#*`. The trailing `#`
 *   matters: `T#vn*` would also match tenant `vn-x`.
 * - Platform data (the supply catalog, FX rates, the host → tenant routing index, the table's
 *   layout marker) never starts with `T#`.
 * - No key part is empty or contains `#` (a tenant id `vn#x` would otherwise land under `T#vn#`).
 * - No key exceeds DynamoDB's limits (partition key 2,048 bytes, sort key 1,024 bytes). A key
 *   that breaks a rule cannot belong to a stored item: reads find nothing, writes are refused
 *   with NOT_FOUND, and DynamoDB is never asked (it would answer a ValidationException, a 500).
 */
export type TableKey = {
  pk: string;
  sk: string;
};

/** DynamoDB's own limits on key attribute values, in UTF-8 bytes. */
export const dynamoKeyLimits = { partitionKeyBytes: 2048, sortKeyBytes: 1024 } as const;

/**
 * The longest value, in characters, each key part may have. At these lengths every entity's
 * key fits DynamoDB's limits even at 4 bytes a character (test/unit/dynamodb-entities.test.ts
 * checks it). Route schemas bound their path and query parameters with them, so a request
 * with a longer value is a 400 before any repository is asked.
 */
export const keyPartLimits = {
  /** core/tenants/tenant.ts: `[a-z][a-z0-9-]{1,30}`. */
  tenantId: 31,
  /** core/tenants/api-keys.ts: 16 hex digits. */
  keyId: 16,
  /** core/catalog/model.ts: `[A-Za-z0-9][A-Za-z0-9_-]{2,63}`. */
  offerId: 64,
  /** `q_` and 32 hex digits today; room for another scheme. */
  quoteId: 64,
  /** A DNS name is at most 253 characters (RFC 1035). */
  host: 253,
  /** Idempotency-Key header values (a UUID is 36). */
  idempotencyKey: 128,
} as const;

export type KeyPart = keyof typeof keyPartLimits;

export type EntityScope = 'tenant' | 'platform';

type Params = Record<string, string | number>;

/**
 * `P`: what the primary key is made of; `Q`: what a Query of several items takes; `I`: what the
 * item's GSI keys need besides `P` (an order's owner and status), given when the item is written.
 */
// biome-ignore lint/complexity/noBannedTypes: no extra index parameters by default
export interface EntityDefinition<P extends Params, Q extends Params = Params, I extends Params = {}> {
  /** The item type's name (one entity module per item type). */
  name: string;
  scope: EntityScope;
  /** The item's primary key. */
  key(params: P): TableKey;
  /** The partition and sort-key prefix a Query of several such items uses. */
  query?(params: Q): KeyQuery;
  /** GSI keys the item carries, by index name (adapters/dynamodb/table-definition.ts). */
  indexes?: Record<string, (params: P & I) => TableKey>;
  /** Parameters of a typical item (the entity tests vary its tenant). */
  example: P & I;
}

export interface KeyQuery {
  pk: string;
  skPrefix: string;
}

// biome-ignore lint/complexity/noBannedTypes: no extra index parameters by default
export interface Entity<P extends Params, Q extends Params = Params, I extends Params = {}>
  extends EntityDefinition<P, Q, I> {
  readonly kind: 'entity';
  /** The key, or NOT_FOUND when no stored item can have it (see the rules above). */
  key(params: P): TableKey;
  /** The key, or undefined when no stored item can have it: for reads. */
  lookupKey(params: P): TableKey | undefined;
  /** The query, or undefined when no stored item can match it. */
  lookupQuery(params: Q): KeyQuery | undefined;
  /** The GSI keys an item written with `params` carries, by index name (NOT_FOUND as `key`). */
  indexKeys(params: P & I): Record<string, TableKey>;
}

/** The partition prefix of all of a tenant's data. */
export function tenantPrefix(tenantId: string): string {
  return `T#${tenantId}#`;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

/** True when DynamoDB accepts the key (sizes) and it follows the part rules. */
export function fitsKeyLimits(key: TableKey): boolean {
  return (
    utf8(key.pk) <= dynamoKeyLimits.partitionKeyBytes &&
    utf8(key.sk) <= dynamoKeyLimits.sortKeyBytes &&
    key.pk.length > 0 &&
    key.sk.length > 0
  );
}

function validParts(params: Params): boolean {
  return Object.values(params).every((value) =>
    typeof value === 'number'
      ? Number.isSafeInteger(value) && value >= 0
      : value !== '' && !value.includes('#'),
  );
}

// biome-ignore lint/complexity/noBannedTypes: no extra index parameters by default
export function defineEntity<P extends Params, Q extends Params = Params, I extends Params = {}>(
  definition: EntityDefinition<P, Q, I>,
): Entity<P, Q, I> {
  const lookupKey = (params: P) => {
    if (!validParts(params)) return undefined;
    const key = definition.key(params);
    return fitsKeyLimits(key) ? key : undefined;
  };
  return {
    ...definition,
    kind: 'entity',
    lookupKey,
    lookupQuery(params) {
      if (!definition.query || !validParts(params)) return undefined;
      const query = definition.query(params);
      return fitsKeyLimits({ pk: query.pk, sk: query.skPrefix || '-' }) ? query : undefined;
    },
    key(params) {
      const key = lookupKey(params);
      if (!key) throw new DomainError('NOT_FOUND');
      return key;
    },
    indexKeys(params) {
      if (!validParts(params)) throw new DomainError('NOT_FOUND');
      const keys = Object.entries(definition.indexes ?? {}).map(
        ([name, index]) => [name, index(params)] as const,
      );
      if (!keys.every(([, key]) => fitsKeyLimits(key))) throw new DomainError('NOT_FOUND');
      return Object.fromEntries(keys);
    },
  };
}

export function isEntity(value: unknown): value is Entity<Params, Params> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'entity';
}
