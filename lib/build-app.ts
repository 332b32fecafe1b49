import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import nag from 'cdk-nag';
import { projectRoot } from './bundling.ts';
import { EdgeStack } from './edge-stack.ts';
import { RegionStack, type RegionStackProps } from './region-stack.ts';
import { edgeStackName, parseRegions, REGIONS_CONTEXT_KEY, stackName } from './regions.ts';

export interface BuildOptions extends AppProps {
  /** Registries to build from instead of the project's (tests). */
  routes?: RegionStackProps['routes'];
  background?: RegionStackProps['background'];
  functionEntry?: RegionStackProps['functionEntry'];
  /** Run cdk-nag's AwsSolutions pack as a synth-time validation (default on). */
  nag?: boolean;
}

/**
 * The app: one RegionStack per entry of the `sourcefront:regions` context, each with its
 * companion EdgeStack in us-east-1 (the CloudFront web ACL). The account comes
 * from the CLI's environment at deploy time (CDK_DEFAULT_ACCOUNT); the region from the config,
 * so synth needs no credentials and makes no lookups.
 */
export function buildApp(options: BuildOptions = {}): {
  app: App;
  stacks: RegionStack[];
  edges: EdgeStack[];
} {
  const app = new App(options);
  const regions = parseRegions(app.node.tryGetContext(REGIONS_CONTEXT_KEY));
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const edges = regions.map(
    (config) => new EdgeStack(app, edgeStackName(config), { config, env: { account } }),
  );
  const stacks = regions.map(
    (config, i) =>
      new RegionStack(app, stackName(config), {
        config,
        env: { account, region: config.region },
        webAclArn: edges[i]!.webAcl.attrArn,
        routes: options.routes,
        background: options.background,
        ...(options.functionEntry && { functionEntry: options.functionEntry }),
      }),
  );
  if (options.nag !== false)
    Validations.of(app).addPlugins(
      new nag.AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
    );
  return { app, stacks, edges };
}

/** The context block of cdk.json, as the CDK CLI passes it (for tests and scripts run without the CLI). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}
