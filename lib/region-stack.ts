import { type CfnElement, CfnOutput, SecretValue, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { OFFERS_ALIAS } from '../adapters/opensearch/offers-index.ts';
import { type BackgroundFunction, backgroundFunctions } from '../functions/background.ts';
import { type FunctionName, type RouteDefinition, routes } from '../functions/routes.ts';
import { ORIGIN_VERIFY_KEY, SUPPLY_SIGNING_KEY } from '../functions/secrets.ts';
import { Api } from './constructs/api.ts';
import { Data, TableLayout } from './constructs/data.ts';
import { Functions, functionEnvironment } from './constructs/functions.ts';
import { Handoff, Secrets } from './constructs/handoff.ts';
import { Observability } from './constructs/observability.ts';
import { Search } from './constructs/search.ts';
import { Storefront } from './constructs/storefront.ts';
import { acknowledge, nagAttr } from './nag.ts';
import { certificateParameterName, isDev, type RegionConfig, stackName } from './regions.ts';

export interface RegionStackProps extends StackProps {
  config: RegionConfig;
  /** The web ACL of the region's distributions, from its us-east-1 companion stack (lib/edge-stack.ts). */
  webAclArn: string;
  /** The registries; the defaults are the project's, tests may pass others. */
  routes?: readonly RouteDefinition[];
  background?: readonly BackgroundFunction[];
  /** Entry file of a route function (tests that synthesize functions the project does not have yet). */
  functionEntry?: (fn: FunctionName) => string;
}

/** CloudWatch Logs accepts only these retention values; pick the nearest not below. */
function retention(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays).filter(
    (v): v is RetentionDays => typeof v === 'number' && v > 0,
  );
  return allowed.sort((a, b) => a - b).find((v) => v >= days) ?? RetentionDays.TEN_YEARS;
}

/**
 * Everything Sourcefront runs in one AWS region. Built only from the region's config and the
 * registries, so a new route or job appears in every region on the next deploy.
 */
export class RegionStack extends Stack {
  readonly data: Data;
  readonly tableLayout: TableLayout;
  readonly search: Search;
  readonly secrets: Secrets;
  readonly functions: Functions;
  readonly api: Api;
  readonly handoff: Handoff;
  readonly storefront: Storefront;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: RegionStackProps) {
    const { config } = props;
    super(scope, id, {
      ...props,
      stackName: stackName(config),
      description: `Sourcefront region ${config.key} (${config.region}, ${config.stage})`,
      terminationProtection: !isDev(config),
      // The web ACL's ARN comes from the us-east-1 companion stack.
      crossRegionReferences: true,
    });
    const routeTable = props.routes ?? routes;
    const background = props.background ?? backgroundFunctions;
    const retain = !isDev(config);
    const logRetention = retention(config.sizing.logRetentionDays);
    const name = `sourcefront-${config.key}`;
    Tags.of(this).add('app', 'sourcefront');
    Tags.of(this).add('region-key', config.key);
    Tags.of(this).add('stage', config.stage);

    this.data = new Data(this, 'Data', { retain });
    this.tableLayout = new TableLayout(this, 'TableLayout', {
      table: this.data.table,
      logRetention,
      retainLogs: retain,
    });
    const environment = (searchEndpoint: string, kind: 'route' | 'job' = 'job') =>
      functionEnvironment({
        tableName: this.data.table.tableName,
        offersAlias: OFFERS_ALIAS,
        searchEndpoint,
        stage: config.stage,
        mailFrom: config.mailFrom,
        behindCloudFront: kind === 'route',
      });
    this.search = new Search(this, 'Search', {
      domainName: name,
      sizing: config.sizing.search,
      offersAlias: OFFERS_ALIAS,
      retain,
      logRetention,
      environment,
      table: this.data.table,
      tableLayout: this.tableLayout.resource,
    });
    this.secrets = new Secrets(this, 'Secrets', {
      prefix: `sourcefront/${config.key}/`,
      routes: routeTable,
      background,
      retain,
    });
    this.functions = new Functions(this, 'Functions', {
      routes: routeTable,
      background,
      table: this.data.table,
      search: this.search,
      secrets: this.secrets.byName,
      environment: (kind) => environment(this.search.endpoint, kind),
      logRetention,
      ...(props.functionEntry && { entry: props.functionEntry }),
      retainLogs: retain,
    });
    // The new code's functions wait for the table to be in its key layout (CloudFormation
    // updates them after the migration answers SUCCESS; a FAILED one rolls the stack back).
    this.functions.node.addDependency(this.tableLayout.resource);
    this.handoff = new Handoff(this, 'Handoff', { table: this.data.table, jobs: this.functions.jobs });
    this.api = new Api(this, 'Api', {
      apiName: name,
      routes: routeTable,
      handlers: this.functions.routeHandlers,
      allowedOrigins: config.tenants.flatMap((t) => t.domains.map((d) => `https://${d}`)),
      throttle: config.sizing.api,
      logRetention,
      retainLogs: retain,
    });
    this.storefront = new Storefront(this, 'Storefront', {
      name,
      apiOriginDomain: this.api.originDomain,
      originVerify: SecretValue.secretsManager(this.secrets.byName.get(ORIGIN_VERIFY_KEY)!.secretArn, {
        ...(config.originVerifyVersionId && { versionId: config.originVerifyVersionId }),
      }),
      tenants: config.tenants,
      webAclArn: props.webAclArn,
      certificateParameterName: (tenant) => certificateParameterName(config, tenant),
      ...(config.console && { console: config.console }),
      retain,
    });
    this.grantAssetWriters();
    this.observability = new Observability(this, 'Observability', {
      name,
      alarmEmail: config.alarmEmail,
      api: this.api.httpApi,
      table: this.data.table,
      functions: this.functions.all(),
      streamConsumers: this.handoff.streamConsumers,
      deadLetterQueues: [
        { name: 'handoff', queue: this.handoff.deadLetters },
        { name: 'schedule', queue: this.handoff.scheduleDeadLetters },
      ],
    });

    // What operators need after a deploy (docs: assets sync, smoke test, secrets).
    const outputs: Record<string, [string, string]> = {
      ApiEndpoint: [
        this.api.httpApi.apiEndpoint,
        'HTTP API origin: answers only requests carrying the header CloudFront adds (use the site domains)',
      ],
      AssetsBucket: [
        this.storefront.assets.bucketName,
        'Static assets: aws s3 sync <dir> s3://<bucket>/assets/',
      ],
      TableName: [this.data.table.tableName, 'The region table'],
      SearchEndpoint: [this.search.endpoint, 'OpenSearch domain endpoint (SigV4 only)'],
      AlarmTopic: [
        this.observability.topic.topicArn,
        'Alarm notifications (e-mail subscription must be confirmed)',
      ],
      SupplySigningKeySecret: [this.secrets.byName.get(SUPPLY_SIGNING_KEY)!.secretArn, 'Supply signing key'],
      OriginVerifySecret: [
        this.secrets.byName.get(ORIGIN_VERIFY_KEY)!.secretArn,
        'Origin-verify value CloudFront sends (rotation: README, Regions)',
      ],
    };
    for (const [id, [value, description]] of Object.entries(outputs))
      new CfnOutput(this, id, { value, description });
  }

  /**
   * Functions whose access lists `assets: 'write'` read and write objects under the served
   * `assets/` prefix (listing it too, so a missing key answers NoSuchKey, not AccessDenied).
   */
  private grantAssetWriters() {
    const bucket = this.storefront.assets;
    for (const deployed of this.functions.all()) {
      if (deployed.access.assets !== 'write' || !deployed.fn.role) continue;
      deployed.fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [bucket.arnForObjects('assets/*')],
        }),
      );
      deployed.fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:ListBucket'],
          resources: [bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': 'assets/*' } },
        }),
      );
      deployed.fn.addEnvironment('ASSETS_BUCKET', bucket.bucketName);
      acknowledge(
        deployed.fn.role,
        `IAM5[Resource::${nagAttr(bucket.node.defaultChild as CfnElement)}/assets/*]`,
        'Mirrored and uploaded images are written under the served assets/ prefix, one key per image variant; nothing outside it.',
      );
    }
  }
}
