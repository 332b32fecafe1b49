import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sdkRetryPolicy } from '../sdk-retry.ts';

export interface DynamoConnection {
  region: string;
  /** Set locally (DynamoDB Local); unset in AWS. */
  endpoint?: string | undefined;
}

/** Local endpoints accept any credentials; fixed ones keep the SDK from searching for a profile. */
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function createDynamoClient(connection: DynamoConnection): DynamoDBClient {
  return new DynamoDBClient({
    region: connection.region,
    ...(connection.endpoint && { endpoint: connection.endpoint, credentials: localCredentials }),
    ...sdkRetryPolicy(connection.endpoint),
  });
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
