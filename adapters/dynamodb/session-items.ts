import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch.ts';

/**
 * Session items as both account realms keep them (buyers' in buyer-store.ts, console users' in
 * partner-store.ts): one item per session under its owner's partition, `session` plus a TTL.
 */

/** Records a session's use; a session deleted meanwhile (signed out) stays deleted. */
export async function touchSessionItem(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: { pk: string; sk: string; session: unknown; ttl: number },
): Promise<void> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression: 'SET #session = :session, #ttl = :ttl',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#session': 'session', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':session': item.session, ':ttl': item.ttl },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Deletes every session item of one owner (sign out everywhere); answers how many there were. */
export async function deleteSessionItems(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: { pk: string; skPrefix: string },
): Promise<number> {
  const keys: { pk: string; sk: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': query.pk, ':prefix': query.skPrefix },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ...(start && { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    start = page.LastEvaluatedKey;
  } while (start);
  await batchWriteAll(
    db,
    tableName,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
  return keys.length;
}
