import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Reads the table's description: proves the endpoint answers and the table exists. */
export async function dynamoHealth(
  client: DynamoDBClient,
  tableName: string,
): Promise<Record<string, unknown>> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.TableStatus !== 'ACTIVE')
    throw new Error(`table ${tableName} is ${Table?.TableStatus ?? 'missing'}`);
  return { table: tableName };
}
