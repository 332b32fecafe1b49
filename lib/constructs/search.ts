import { type CfnElement, CustomResource, Duration, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EbsDeviceVolumeType } from 'aws-cdk-lib/aws-ec2';
import { type IRole, PolicyDocument, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, ResourcePolicy, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type CfnDomain, Domain, EngineVersion, TLSSecurityPolicy } from 'aws-cdk-lib/aws-opensearchservice';
import { Construct, type IDependable } from 'constructs';
import { OFFERS_INDEX_SCHEMA_VERSION } from '../../adapters/opensearch/offers-index.ts';
import { jobEntry } from '../../functions/functions.ts';
import type { Access } from '../../functions/routes.ts';
import { OPENSEARCH_VERSION } from '../../project.ts';
import { acknowledge, nagArn, nagAttr } from '../nag.ts';
import type { SearchSizing } from '../regions.ts';
import { SourcefrontFunction } from './lambda.ts';

/**
 * The index bootstrap's timeout, Lambda's longest: a schema bump reads every offer from the
 * table and bulk-writes it into the new index (CloudFormation waits up to an hour for the answer).
 */
export const SEARCH_BOOTSTRAP_TIMEOUT_SECONDS = 900;

/** `2.19.6` (the local node) → `OpenSearch_2.19`: the domain runs the same engine line. */
export const searchEngineVersion = EngineVersion.openSearch(
  OPENSEARCH_VERSION.split('.').slice(0, 2).join('.'),
);

export interface SearchProps {
  /** OpenSearch domain name, 3–28 characters: `sourcefront-vn`. */
  domainName: string;
  sizing: SearchSizing;
  offersAlias: string;
  retain: boolean;
  logRetention: RetentionDays;
  /** The environment every function gets (lib/constructs/functions.ts), for the bootstrap function. */
  environment: (searchEndpoint: string) => Record<string, string>;
  /** The region table, read by the bootstrap when a schema bump rebuilds the documents from it. */
  table: ITable;
  /** What the index bootstrap waits for: the table in the code's key layout (lib/constructs/data.ts). */
  tableLayout?: IDependable;
}

/** Actions per access level; `read` may POST only to search endpoints of the offers alias. */
function statementsFor(level: Exclude<Access, 'none'>, domainArn: string, alias: string) {
  if (level === 'write') {
    return [
      {
        actions: [
          'es:ESHttpGet',
          'es:ESHttpHead',
          'es:ESHttpPost',
          'es:ESHttpPut',
          'es:ESHttpDelete',
          'es:ESHttpPatch',
        ],
        resources: [`${domainArn}/*`],
      },
    ];
  }
  return [
    { actions: ['es:ESHttpGet', 'es:ESHttpHead'], resources: [`${domainArn}/*`] },
    {
      actions: ['es:ESHttpPost'],
      resources: [
        `${domainArn}/${alias}/_search`,
        `${domainArn}/${alias}/_msearch`,
        `${domainArn}/${alias}/_count`,
        `${domainArn}/_msearch`,
      ],
    },
  ];
}

/**
 * The region's OpenSearch domain: the local node's engine version, encrypted at rest and
 * between nodes, HTTPS only with TLS 1.2, slow and application logs in CloudWatch. Access is
 * by IAM (SigV4) only: the domain's resource policy names each function role that was granted
 * access, with the same read/write split as the role's own policy. The offers index and alias
 * are created by a custom resource from the single index definition.
 */
export class Search extends Construct {
  readonly domain: Domain;
  readonly endpoint: string;
  readonly domainArn: string;
  private readonly grantees: { role: IRole; level: Exclude<Access, 'none'> }[] = [];
  private readonly alias: string;
  private readonly domainName: string;

  constructor(scope: Construct, id: string, props: SearchProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.alias = props.offersAlias;
    this.domainName = props.domainName;
    // The domain's own ARN, built from its name: the access policy cannot reference the domain.
    this.domainArn = stack.formatArn({ service: 'es', resource: 'domain', resourceName: props.domainName });

    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logs = {
      slowSearch: new LogGroup(this, 'SlowSearchLogs', { retention: props.logRetention, removalPolicy }),
      slowIndex: new LogGroup(this, 'SlowIndexLogs', { retention: props.logRetention, removalPolicy }),
      app: new LogGroup(this, 'AppLogs', { retention: props.logRetention, removalPolicy }),
    };
    // A native AWS::Logs::ResourcePolicy instead of the L2's custom-resource Lambda.
    const logsPolicy = new ResourcePolicy(this, 'LogsPolicy', {
      policyStatements: [
        new PolicyStatement({
          principals: [new ServicePrincipal('es.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: Object.values(logs).map((g) => g.logGroupArn),
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      ],
    });

    const s = props.sizing;
    this.domain = new Domain(this, 'Domain', {
      domainName: props.domainName,
      version: searchEngineVersion,
      capacity: {
        dataNodes: s.dataNodes,
        dataNodeInstanceType: s.dataNodeType,
        ...(s.dedicatedMasters && {
          masterNodes: s.dedicatedMasters.count,
          masterNodeInstanceType: s.dedicatedMasters.type,
        }),
        multiAzWithStandbyEnabled: false,
      },
      ebs: { volumeSize: s.volumeGb, volumeType: EbsDeviceVolumeType.GP3 },
      zoneAwareness:
        s.availabilityZones > 1
          ? { enabled: true, availabilityZoneCount: s.availabilityZones }
          : { enabled: false },
      encryptionAtRest: { enabled: true },
      nodeToNodeEncryption: true,
      enforceHttps: true,
      tlsSecurityPolicy: TLSSecurityPolicy.TLS_1_2,
      logging: {
        slowSearchLogEnabled: true,
        slowSearchLogGroup: logs.slowSearch,
        slowIndexLogEnabled: true,
        slowIndexLogGroup: logs.slowIndex,
        appLogEnabled: true,
        appLogGroup: logs.app,
      },
      suppressLogsResourcePolicy: true,
      enableVersionUpgrade: true,
      removalPolicy,
    });
    this.domain.node.addDependency(logsPolicy);
    acknowledge(
      this.domain,
      'OS1',
      'Public endpoint on purpose: the functions run outside a VPC (no NAT gateways, no ENI cold starts); every request must be SigV4-signed by a role the access policy names, HTTPS only with TLS 1.2.',
    );
    if (!s.dedicatedMasters) {
      acknowledge(
        this.domain,
        'OS4',
        'Sizing without dedicated masters is for dev and staging only (a single small node); lib/regions.ts refuses a production region without them.',
      );
    }
    if (s.availabilityZones < 2) {
      acknowledge(
        this.domain,
        'OS7',
        'Sizing without zone awareness is for dev and staging only (a single node cannot span zones); lib/regions.ts refuses a production region without it.',
      );
    }
    acknowledge(
      this.domain,
      'OS3',
      'Access is granted to IAM roles, not IP ranges: the resource policy names exactly the function roles granted search access, with the same read/write split as their own policies; no anonymous principal.',
    );
    this.endpoint = `https://${this.domain.domainEndpoint}`;

    const cfnDomain = this.domain.node.defaultChild as CfnDomain;
    cfnDomain.accessPolicies = Lazy.any({ produce: () => this.accessPolicy() });

    // The index bootstrap: a custom resource answered by a function of our own. A schema bump
    // reindexes every offer, each document rebuilt from the table: sized for a full catalog.
    const bootstrap = new SourcefrontFunction(this, 'IndexBootstrap', {
      entry: jobEntry('search-bootstrap'),
      description: 'Creates the offers index and alias from the single index definition (custom resource)',
      memoryMb: 1024,
      timeoutSeconds: SEARCH_BOOTSTRAP_TIMEOUT_SECONDS,
      environment: props.environment(this.endpoint),
      logRetention: props.logRetention,
      retainLogs: props.retain,
    });
    this.grant(bootstrap.role, 'write');
    props.table.grantReadData(bootstrap.role);
    acknowledge(
      bootstrap.role,
      `IAM5[Resource::${nagAttr(props.table.node.defaultChild as CfnElement)}/index/*]`,
      'The read grant of the region table covers its own GSIs; the bootstrap only batch-reads offer items to rebuild documents.',
    );
    const offersIndex = new CustomResource(this, 'OffersIndex', {
      serviceToken: bootstrap.fn.functionArn,
      resourceType: 'Custom::OffersIndex',
      // Fails the deploy a minute after the function's timeout if it never answers.
      serviceTimeout: Duration.seconds(SEARCH_BOOTSTRAP_TIMEOUT_SECONDS + 60),
      properties: {
        Alias: props.offersAlias,
        Endpoint: this.endpoint,
        SchemaVersion: String(OFFERS_INDEX_SCHEMA_VERSION),
        // One replica when there is a second data node to hold it (production spans zones).
        Replicas: String(s.dataNodes > 1 ? 1 : 0),
      },
    });
    // Documents are rebuilt from offer items in the code's key layout.
    if (props.tableLayout) offersIndex.node.addDependency(props.tableLayout);
  }

  /** Gives a function role `read` or `write` access, in its own policy and the domain's. */
  grant(role: IRole, level: Access): void {
    if (level === 'none') return;
    this.grantees.push({ role, level });
    for (const statement of statementsFor(level, this.domainArn, this.alias)) {
      role.addToPrincipalPolicy(new PolicyStatement(statement));
    }
    acknowledge(
      role,
      `IAM5[Resource::${nagArn(this, 'es', `domain/${Stack.of(this).resolve(this.domainName)}/*`)}]`,
      level === 'write'
        ? 'Writers create the timestamped indices behind the offers alias and bulk-write them, so they need every path of this one domain; no other domain.'
        : 'Readers GET and HEAD any path of this one domain (alias lookups, cluster health); they may POST only to the offers alias search endpoints.',
    );
  }

  private accessPolicy(): unknown {
    const document = new PolicyDocument();
    for (const level of ['read', 'write'] as const) {
      const principals = this.grantees.filter((g) => g.level === level).map((g) => g.role);
      if (principals.length === 0) continue;
      for (const statement of statementsFor(level, this.domainArn, this.alias)) {
        document.addStatements(new PolicyStatement({ ...statement, principals }));
      }
    }
    return document.toJSON();
  }
}
