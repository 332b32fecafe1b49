import { ensureOffersIndex } from '../../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../../adapters/opensearch/client.ts';
import { jobLogger } from '../http/telemetry.ts';

/**
 * CloudFormation custom resource (Custom::OffersIndex) that creates the offers index and its
 * alias on the region's OpenSearch domain from the single index definition, on every create
 * and update of the stack; an existing alias is left as it is (reindexing is a catalog job).
 * Delete keeps the index: the catalog outlives a stack update that replaces this resource.
 *
 * CloudFormation invokes this function directly, so it answers on the pre-signed ResponseURL
 * itself (no provider framework and no extra functions).
 */
export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  ResourceProperties: {
    ServiceToken: string;
    Alias: string;
    Endpoint: string;
    SchemaVersion?: string;
    /** Replica count for the index (a string: CloudFormation passes properties as strings). */
    Replicas?: string;
  };
}

const log = jobLogger('search-bootstrap');

export async function handler(event: CustomResourceEvent): Promise<void> {
  const alias = event.ResourceProperties.Alias;
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason = 'ok';
  let data: Record<string, string> = {};
  try {
    if (event.RequestType !== 'Delete') {
      const client = createSearchClient({
        endpoint: event.ResourceProperties.Endpoint,
        region: process.env.AWS_REGION ?? 'us-east-1',
        // SigV4 in AWS (the function's OPENSEARCH_AUTH); the local node for tests takes none.
        auth: process.env.OPENSEARCH_AUTH === 'none' ? 'none' : 'sigv4',
      });
      const replicas = event.ResourceProperties.Replicas;
      const index = await ensureOffersIndex(client, alias, {
        ...(replicas !== undefined && { replicas: Number(replicas) }),
      });
      data = { Index: index };
      log.info('offers index ready', { alias, index });
    }
  } catch (error) {
    status = 'FAILED';
    reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
    log.error('offers index bootstrap failed', { alias, error: error as Error });
  }
  const response = await fetch(event.ResponseURL, {
    method: 'PUT',
    headers: { 'content-type': '' },
    body: JSON.stringify({
      Status: status,
      Reason: reason,
      PhysicalResourceId: event.PhysicalResourceId ?? `offers-index:${alias}`,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: data,
    }),
  });
  if (!response.ok) throw new Error(`CloudFormation response rejected: ${response.status}`);
}
