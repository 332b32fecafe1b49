import { migrateTableData } from '../../adapters/dynamodb/bootstrap.ts';
import { createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { LAYOUT_VERSION } from '../../adapters/dynamodb/table-definition.ts';
import { answerCustomResource, type CustomResourceEvent, type RemainingTime } from '../custom-resource.ts';
import { jobLogger } from '../http/telemetry.ts';

/**
 * CloudFormation custom resource (Custom::TableLayout) that brings the region table's items to
 * the code's key layout on deploy: on Create and Update it runs the data steps of
 * adapters/dynamodb/bootstrap.ts from the layout the table's layout item names to
 * LAYOUT_VERSION, then writes that item. The stack passes LAYOUT_VERSION as a property, so a
 * deploy that changes it runs the resource again; the indexes are the table construct's.
 * The region's other functions depend on this resource, so the new code starts serving only
 * once the table is in its layout. A table in a newer layout than this code's is refused,
 * except on an Update from a deploy of that newer layout (a rollback): then it is left as it
 * is. Delete changes nothing: the table outlives this resource.
 */
export type TableLayoutEvent = CustomResourceEvent<{ TableName: string; LayoutVersion: string }>;

const log = jobLogger('table-layout');

export async function handler(event: TableLayoutEvent, context?: RemainingTime): Promise<void> {
  const tableName = event.ResourceProperties.TableName;
  await answerCustomResource(event, context, {
    physicalResourceId: `table-layout:${tableName}`,
    work: async () => {
      const client = createDynamoClient({
        region: process.env.AWS_REGION ?? 'us-east-1',
        endpoint: process.env.DYNAMODB_ENDPOINT,
      });
      const previous = Number(event.OldResourceProperties?.LayoutVersion ?? 0);
      const started = Date.now();
      const state = await migrateTableData(client, tableName, {
        allowNewer: event.RequestType === 'Update' && previous > LAYOUT_VERSION,
        log: (message) => log.info(message),
      });
      log.info('table layout ready', { tableName, ...state, ms: Date.now() - started });
      if (state.status === 'newer') {
        return {
          data: { LayoutVersion: String(state.layout), Status: state.status },
          reason: `table ${tableName} is in key layout ${state.layout}, newer than this code's; left as it is`,
        };
      }
      return {
        data: {
          LayoutVersion: String(LAYOUT_VERSION),
          Status: state.status,
          ...(state.status === 'migrated' && { From: String(state.from), Rekeyed: String(state.rekeyed) }),
        },
      };
    },
    onError: (error) => log.error('table layout migration failed', { tableName, error: error as Error }),
  });
}
