import { ArnFormat, type CfnElement, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { BackgroundFunction } from '../../functions/background.ts';
import { type Config, configKeys, configSchema } from '../../functions/config.ts';
import { type FunctionAccess, functionEntry, jobEntry, routeFunctions } from '../../functions/functions.ts';
import type { FunctionName, RouteDefinition } from '../../functions/routes.ts';
import {
  ORIGIN_VERIFY_KEY,
  secretEnvName,
  TENANT_SECRET_PREFIX_ENV,
  TOSS_SECRET_KEY,
} from '../../functions/secrets.ts';
import { acknowledge, nagArn, nagAttr } from '../nag.ts';
import { SourcefrontFunction } from './lambda.ts';
import type { Search } from './search.ts';

/** What a function may do with the secrets partners set (functions/contract.ts `tenantSecrets`). */
export const tenantSecretActions = {
  read: ['secretsmanager:GetSecretValue'],
  write: [
    'secretsmanager:GetSecretValue',
    'secretsmanager:CreateSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:DeleteSecret',
  ],
} as const satisfies Record<'read' | 'write', readonly string[]>;

/** Keys the Lambda runtime sets itself, and keys that only the local platform uses. */
const setByLambda: readonly (keyof Config)[] = ['AWS_REGION'];
const localOnly: readonly (keyof Config)[] = ['DYNAMODB_ENDPOINT'];

/**
 * The environment of every deployed function, typed by functions/config.ts (the schema the
 * functions parse at cold start). A required key that is added there and not given a value
 * here fails the synth with its name, instead of failing at cold start in a region.
 */
export function functionEnvironment(values: {
  tableName: string;
  offersAlias: string;
  searchEndpoint: string;
  /** The region's stage (cdk.json), which decides e.g. whether `<id>.localhost` hosts route. */
  stage: Config['STAGE'];
  /** The platform's mail sender in the region (cdk.json `mailFrom`), an SES-verified identity. */
  mailFrom: string;
  /**
   * Route functions sit behind CloudFront: they refuse a request without the origin-verify
   * header CloudFront adds and take the site only from what CloudFront forwards. Jobs serve
   * no HTTP and leave it off.
   */
  behindCloudFront: boolean;
}): Record<string, string> {
  const env: Partial<Record<keyof Config, string>> = {
    STAGE: values.stage,
    ORIGIN_VERIFY: values.behindCloudFront ? 'required' : 'off',
    TABLE_NAME: values.tableName,
    OFFERS_ALIAS: values.offersAlias,
    OPENSEARCH_ENDPOINT: values.searchEndpoint,
    OPENSEARCH_AUTH: 'sigv4',
    MAIL_PROVIDER: 'ses',
    MAIL_FROM: values.mailFrom,
  };
  for (const key of configKeys) {
    const required = !configSchema.shape[key].safeParse(undefined).success;
    if (required && env[key] === undefined && !setByLambda.includes(key) && !localOnly.includes(key)) {
      throw new Error(
        `Function config key ${key} is required by functions/config.ts but lib/ gives it no value`,
      );
    }
  }
  return env as Record<string, string>;
}

export interface DeployedFunction {
  name: string;
  kind: 'route' | 'job';
  fn: NodejsFunction;
  access: FunctionAccess;
}

export interface FunctionsProps {
  routes: readonly RouteDefinition[];
  background: readonly BackgroundFunction[];
  table: ITable;
  search: Search;
  secrets: ReadonlyMap<string, ISecret>;
  /** The environment of a route function (behind CloudFront) or of a job. */
  environment: (kind: DeployedFunction['kind']) => Record<string, string>;
  logRetention: RetentionDays;
  retainLogs: boolean;
  /** The entry file of a route function; functions/apps/<fn>.ts unless a test builds others. */
  entry?: (fn: FunctionName) => string;
}

/**
 * One function per bounded context of the route table (functions/apps/<fn>.ts) and per
 * background function (functions/jobs/<handler>.ts), read from the registries at synth time.
 * A route function gets the union of its routes' access, a job exactly its entry's: table read
 * or read/write, search read or write, the named secrets.
 */
export class Functions extends Construct {
  /** Route functions by function name (the routes' `fn`). */
  readonly routeHandlers = new Map<string, DeployedFunction>();
  /** Background functions by handler name. */
  readonly jobs = new Map<string, DeployedFunction & { definition: BackgroundFunction }>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const spec of routeFunctions(props.routes)) {
      // Every route function verifies the header CloudFront adds, so it reads that secret,
      // whatever its routes list.
      const access: FunctionAccess = {
        ...spec.access,
        secrets: [...new Set([...(spec.access.secrets ?? []), ORIGIN_VERIFY_KEY])],
      };
      const fn = this.create(`Route-${spec.fn}`, props, {
        kind: 'route',
        entry: (props.entry ?? functionEntry)(spec.fn),
        description: `Sourcefront ${spec.fn}: ${spec.routeKeys.join(', ')}`.slice(0, 256),
        memoryMb: spec.memoryMb,
        timeoutSeconds: 29,
        access,
      });
      this.routeHandlers.set(spec.fn, { name: spec.fn, kind: 'route', fn, access });
    }
    for (const job of props.background) {
      const fn = this.create(`Job-${job.handler}`, props, {
        kind: 'job',
        entry: jobEntry(job.handler),
        description: `Sourcefront job: ${job.description}`.slice(0, 256),
        memoryMb: job.memoryMb ?? 256,
        timeoutSeconds: job.timeoutSeconds ?? 60,
        access: job.access,
      });
      this.jobs.set(job.handler, { name: job.handler, kind: 'job', fn, access: job.access, definition: job });
    }
  }

  /** Every deployed function (routes first, then jobs). */
  all(): DeployedFunction[] {
    return [...this.routeHandlers.values(), ...this.jobs.values()];
  }

  private create(
    id: string,
    props: FunctionsProps,
    spec: {
      kind: DeployedFunction['kind'];
      entry: string;
      description: string;
      memoryMb: number;
      timeoutSeconds: number;
      access: FunctionAccess;
    },
  ): NodejsFunction {
    const secretEnv: Record<string, string> = {};
    const secrets = (spec.access.secrets ?? []).map((name) => {
      const secret = props.secrets.get(name);
      if (!secret) throw new Error(`${id} lists secret "${name}", which no construct creates`);
      secretEnv[secretEnvName(name)] = secret.secretArn;
      return secret;
    });
    // Partners' own provider keys: `<stack>/tenants/<id>/<name>` in Secrets Manager, created by the
    // console when a partner sets one; the grant covers those names only.
    const tenantSecretPrefix = Stack.of(this).stackName;
    if (spec.access.tenantSecrets) secretEnv[TENANT_SECRET_PREFIX_ENV] = tenantSecretPrefix;
    const built = new SourcefrontFunction(this, id, {
      entry: spec.entry,
      description: spec.description,
      memoryMb: spec.memoryMb,
      timeoutSeconds: spec.timeoutSeconds,
      environment: { ...props.environment(spec.kind), ...secretEnv },
      logRetention: props.logRetention,
      retainLogs: props.retainLogs,
      ...(spec.access.nativeModules && { nativeModules: spec.access.nativeModules }),
    });
    if (spec.access.table === 'read') props.table.grantReadData(built.role);
    if (spec.access.table === 'write') props.table.grantReadWriteData(built.role);
    if (spec.access.table !== 'none') {
      acknowledge(
        built.role,
        `IAM5[Resource::${nagAttr(props.table.node.defaultChild as CfnElement)}/index/*]`,
        "The grant covers the region table's own global secondary indexes (tenant by domain, orders by status, ...), which repositories Query; no other table.",
      );
    }
    props.search.grant(built.role, spec.access.search);
    if (spec.access.mail === 'send') {
      // SES v2 SendEmail (simple content) from the region's verified identities.
      built.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: '*' })],
        }),
      );
      acknowledge(
        built.role,
        `IAM5[Resource::${nagArn(this, 'ses', 'identity/*')}]`,
        "Mail is sent from the platform's address or a partner's own verified domain; the identities are verified per region outside the stack, so the grant covers this account's identities in the region.",
      );
    }
    for (const secret of secrets) secret.grantRead(built.role);
    if (spec.access.tenantSecrets) {
      // Secrets Manager appends six random characters to a secret's name in its ARN.
      const name = `${tenantSecretPrefix}/tenants/*/${TOSS_SECRET_KEY}-??????`;
      built.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: [...tenantSecretActions[spec.access.tenantSecrets]],
          resources: [
            Stack.of(this).formatArn({
              service: 'secretsmanager',
              resource: 'secret',
              resourceName: name,
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          ],
        }),
      );
      acknowledge(
        built.role,
        `IAM5[Resource::${nagArn(this, 'secretsmanager', `secret:${name}`)}]`,
        "Each partner's own Toss secret key is a secret of its own, created when the partner sets it in the console; the grant covers that one name under this stack's prefix for every tenant, nothing else.",
      );
    }
    return built.fn;
  }
}
