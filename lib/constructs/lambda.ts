import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { NativeModule } from '../../functions/contract.ts';
import { cdkBundling, projectRoot } from '../bundling.ts';
import { nativeLayer } from './native-layer.ts';

export interface SourcefrontFunctionProps {
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  environment: Record<string, string>;
  logRetention: RetentionDays;
  retainLogs: boolean;
  /** Loaded from a layer at run time, left out of the bundle (functions/contract.ts `nativeModules`). */
  nativeModules?: readonly NativeModule[];
}

/**
 * One Lambda function the way every Sourcefront function is built: Node.js 24 on arm64,
 * bundled by esbuild with the shared settings (lib/bundling.ts), its own log group with a
 * retention, and its own role that may write only to that log group. Callers add the grants
 * the function's `access` lists, and nothing else.
 */
export class SourcefrontFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: SourcefrontFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Sourcefront ${id}: its log group and the grants its access lists`,
    });
    this.logGroup.grantWrite(this.role);
    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      environment: props.environment,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot,
      depsLockFilePath: `${projectRoot}/package-lock.json`,
      bundling: cdkBundling(props.nativeModules),
      ...(props.nativeModules?.length && { layers: props.nativeModules.map((m) => nativeLayer(this, m)) }),
    });
  }
}
