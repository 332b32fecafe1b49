import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { BackgroundFunction } from '../../functions/background.ts';
import type { FunctionName, RouteDefinition } from '../../functions/routes.ts';
import { buildApp, cdkJsonContext } from '../../lib/build-app.ts';
import type { EdgeStack } from '../../lib/edge-stack.ts';
import type { RegionStack } from '../../lib/region-stack.ts';
import { REGIONS_CONTEXT_KEY } from '../../lib/regions.ts';

/** A dev region added next to cdk.json's: single small search node, no tenants, data not retained. */
export const devRegion = {
  region: 'eu-central-1',
  stage: 'dev',
  alarmEmail: 'ops-dev@sourcefront.example',
  mailFrom: 'no-reply@dev.sourcefront.example',
  sizing: { profile: 'dev' },
  tenants: [],
} as const;

/**
 * One cloud-assembly folder for every app a test process synthesizes: CDK caches bundles per
 * output folder, so each function is bundled once per process, not once per app.
 */
export const sharedOutdir = mkdtempSync(join(tmpdir(), 'sourcefront-cdk-'));

export interface TestApp {
  app: App;
  stacks: Map<string, RegionStack>;
  /** The us-east-1 companion stack of each region, by region key. */
  edges: Map<string, EdgeStack>;
  template(key: string): Template;
  edgeTemplate(key: string): Template;
}

/**
 * Synthesizes the real app (cdk.json's regions plus `extraRegions`) with no AWS credentials in
 * the environment, bundling every function with esbuild as a deploy does. Call once per file,
 * at module level.
 */
export function synthApp(
  options: {
    extraRegions?: Record<string, unknown>;
    routes?: readonly RouteDefinition[];
    background?: readonly BackgroundFunction[];
    /** Entry files for route functions the project does not have yet (see syntheticEntry). */
    functionEntry?: (fn: FunctionName) => string;
  } = {},
): TestApp {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('AWS_ACCESS') || name.startsWith('AWS_SECRET') || name === 'AWS_PROFILE')
      delete process.env[name];
  }
  delete process.env.CDK_DEFAULT_ACCOUNT;
  const context = cdkJsonContext();
  const regions = { ...(context[REGIONS_CONTEXT_KEY] as Record<string, unknown>), ...options.extraRegions };
  const { app, stacks, edges } = buildApp({
    context: { ...context, [REGIONS_CONTEXT_KEY]: regions },
    outdir: sharedOutdir,
    ...(options.routes && { routes: options.routes }),
    ...(options.background && { background: options.background }),
    ...(options.functionEntry && { functionEntry: options.functionEntry }),
    nag: false,
  });
  const byKey = new Map(stacks.map((s) => [s.stackName.replace(/^Sourcefront-/, ''), s]));
  const edgesByKey = new Map(edges.map((s) => [s.stackName.replace(/^Sourcefront-|-edge$/g, ''), s]));
  // Every app of a test process writes to the shared folder, where stacks of the same name
  // overwrite each other: read all of this app's templates right after synthesizing it.
  const templates = new Map<Stack, Template>();
  const templateOf = (stack: Stack | undefined, key: string) => {
    if (!stack) throw new Error(`no region ${key}`);
    if (!templates.has(stack)) {
      const assembly = app.synth({ force: true });
      for (const s of [...stacks, ...edges])
        templates.set(s, Template.fromJSON(assembly.getStackArtifact(s.artifactId).template));
    }
    return templates.get(stack)!;
  };
  return {
    app,
    stacks: byKey,
    edges: edgesByKey,
    template: (key) => templateOf(byKey.get(key), key),
    edgeTemplate: (key) => templateOf(edgesByKey.get(key), key),
  };
}

/** A minimal route function entry, for function names a synthetic route table invents. */
export const syntheticEntry = join(import.meta.dirname, 'fixtures', 'synthetic-app.ts');

/** The logical id CloudFormation knows a construct's resource by. */
export function logicalId(stack: RegionStack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as never);
}

/** Every action an IAM role may take, from the inline policies attached to it in the template. */
export function roleActions(template: Template, roleLogicalId: string): Set<string> {
  const actions = new Set<string>();
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    const roles = (policy.Properties.Roles ?? []) as { Ref?: string }[];
    if (!roles.some((r) => r.Ref === roleLogicalId)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]) {
      for (const action of [statement.Action].flat()) actions.add(action);
    }
  }
  return actions;
}
