import { type CfnElement, CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAYOUT_VERSION, tableDefinition } from '../../adapters/dynamodb/table-definition.ts';
import { jobEntry } from '../../functions/functions.ts';
import { acknowledge, nagAttr } from '../nag.ts';
import { SourcefrontFunction } from './lambda.ts';

export interface DataProps {
  /** Outside dev the table refuses deletion and outlives its stack. */
  retain: boolean;
}

/**
 * The region's single table, built from adapters/dynamodb/table-definition.ts (the same
 * definition the local platform and tests create DynamoDB Local's table from): on-demand,
 * point-in-time recovery, the stream the handoff dispatcher reads, TTL.
 */
export class Data extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const def = tableDefinition;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: def.partitionKey, type: AttributeType.STRING },
      sortKey: { name: def.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType[def.streamViewType],
      timeToLiveAttribute: def.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const gsi of def.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...gsi.projected],
      });
    }
  }
}

export interface TableLayoutProps {
  table: Table;
  logRetention: RetentionDays;
  retainLogs: boolean;
}

/**
 * Lambda's longest timeout: the migration scans the whole table once per data step it runs
 * (README, Deploying a region: what a large table costs). CloudFormation waits up to an hour
 * for the answer; the function answers FAILED shortly before this runs out.
 */
export const TABLE_LAYOUT_TIMEOUT_SECONDS = 900;

/**
 * The region table's key layout, kept by a custom resource (Custom::TableLayout) answered by
 * functions/jobs/table-layout.ts: on deploy it runs the data steps from the table's stored
 * layout to LAYOUT_VERSION, the property that makes CloudFormation run it again when the
 * layout changes. The GSIs are the Data construct's, so no index step runs here. Functions
 * that read or write the table should depend on `resource` (lib/region-stack.ts does), so the
 * new code serves only once the table is in its layout.
 */
export class TableLayout extends Construct {
  readonly resource: CustomResource;
  readonly function: SourcefrontFunction;

  constructor(scope: Construct, id: string, props: TableLayoutProps) {
    super(scope, id);
    this.function = new SourcefrontFunction(this, 'Migration', {
      entry: jobEntry('table-layout'),
      description: "Brings the region table's items to the code's key layout on deploy (custom resource)",
      // Scan pages are decoded and rewritten in the function: memory is CPU on Lambda.
      memoryMb: 1024,
      timeoutSeconds: TABLE_LAYOUT_TIMEOUT_SECONDS,
      environment: {},
      logRetention: props.logRetention,
      retainLogs: props.retainLogs,
    });
    props.table.grantReadWriteData(this.function.role);
    acknowledge(
      this.function.role,
      `IAM5[Resource::${nagAttr(props.table.node.defaultChild as CfnElement)}/index/*]`,
      "The read/write grant of the region table covers its own GSIs; the migration scans and rewrites the table's items only.",
    );
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.function.fn.functionArn,
      resourceType: 'Custom::TableLayout',
      // A function that dies without answering (out of memory) fails the deploy a minute after
      // its timeout, not after CloudFormation's default hour.
      serviceTimeout: Duration.seconds(TABLE_LAYOUT_TIMEOUT_SECONDS + 60),
      properties: { TableName: props.table.tableName, LayoutVersion: String(LAYOUT_VERSION) },
    });
  }
}
