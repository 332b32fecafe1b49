import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { backgroundFunctions } from '../../functions/background.ts';
import { configKeys, configSchema } from '../../functions/config.ts';
import { routes } from '../../functions/routes.ts';
import { ORIGIN_VERIFY_KEY, SUPPLY_SIGNING_KEY, secretEnvName } from '../../functions/secrets.ts';
import { bundleBudget, bundleSettings } from '../../lib/bundling.ts';
import { logicalId, roleActions, sharedOutdir, synthApp } from './kit.ts';

const app = synthApp();
const template = app.template('vn');
const vn = app.stacks.get('vn')!;
// Sourcefront's functions; CDK's own reader of the cross-region reference (the web ACL) aside.
const lambdas = Object.fromEntries(
  Object.entries(template.findResources('AWS::Lambda::Function')).filter(
    ([id]) => !id.startsWith('CustomCrossRegionExportReader'),
  ),
);

// Custom registries exercise the access mapping with entries the project may not have yet.
const custom = synthApp({
  routes: [{ ...routes.find((r) => r.handler === 'tenant')!, access: { table: 'read', search: 'none' } }],
  background: [
    {
      handler: 'search-bootstrap',
      description: 'a writer that signs with the supply key',
      trigger: { schedule: 'rate(1 hour)' },
      access: { table: 'write', search: 'write', secrets: [SUPPLY_SIGNING_KEY] },
      memoryMb: 512,
      timeoutSeconds: 90,
    },
  ],
});
const customTemplate = custom.template('vn');
const customStack = custom.stacks.get('vn')!;

const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe('functions construct: one function per registry entry', () => {
  it('every bounded context of the route table and every background function is a function, plus the index bootstrap and the table layout migration', () => {
    const handlers = new Set(routes.map((r) => r.fn));
    expect([...vn.functions.routeHandlers.keys()].sort()).toEqual([...handlers].sort());
    expect([...vn.functions.jobs.keys()].sort()).toEqual(backgroundFunctions.map((b) => b.handler).sort());
    expect(Object.keys(lambdas)).toHaveLength(handlers.size + backgroundFunctions.length + 2);
  });

  it('every function runs Node.js 24 on arm64, bundled to one ESM file', () => {
    for (const fn of Object.values(lambdas)) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.Code.S3Key).toMatch(/\.zip$/);
    }
  });

  it('each function is a real esbuild bundle made with the shared settings: one minified ESM file with the banner', () => {
    for (const f of vn.functions.all()) {
      const s3Key: string = template.toJSON().Resources[logicalId(vn, f.fn)].Properties.Code.S3Key;
      const dir = join(sharedOutdir, `asset.${s3Key.replace(/\.zip$/, '')}`);
      expect(readdirSync(dir)).toEqual(['index.mjs']);
      const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
      expect(code.startsWith(bundleSettings.banner)).toBe(true);
      expect(code.length / code.split('\n').length).toBeGreaterThan(1000); // minified: long lines
      expect(code).not.toMatch(/from\s*["']\.\.?\//); // no relative imports left: bundled
      const size = statSync(join(dir, 'index.mjs')).size;
      expect(size).toBeGreaterThan(1000);
      expect(size, `${f.name} bundle`).toBeLessThanOrEqual(bundleBudget.maxBytes);
    }
  });

  it('each function has the environment of the typed config; every required key has a value', () => {
    const required = configKeys.filter(
      (k) =>
        !configSchema.shape[k].safeParse(undefined).success &&
        k !== 'AWS_REGION' &&
        k !== 'DYNAMODB_ENDPOINT',
    );
    for (const f of vn.functions.all()) {
      const env = lambdas[logicalId(vn, f.fn)]?.Properties.Environment.Variables;
      for (const key of required) expect(env, `${f.name} ${key}`).toHaveProperty(key);
      expect(env.TABLE_NAME).toEqual({ Ref: logicalId(vn, vn.data.table) });
      expect(env.OPENSEARCH_AUTH).toBe('sigv4');
      expect(env.OFFERS_ALIAS).toBe('offers');
      expect(env).not.toHaveProperty('DYNAMODB_ENDPOINT');
    }
  });

  it('grants the table exactly per access: readers cannot write, writers can, none gets nothing', () => {
    for (const f of vn.functions.all()) {
      const actions = roleActions(template, logicalId(vn, f.fn.role!));
      if (f.access.table === 'none')
        expect([...actions].filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
      if (f.access.table === 'read') {
        expect(actions).toContain('dynamodb:Query');
        for (const a of writeActions) expect(actions).not.toContain(a);
      }
      if (f.access.table === 'write') for (const a of writeActions) expect(actions).toContain(a);
      const es = [...actions].filter((a) => a.startsWith('es:'));
      if (f.access.search === 'none') expect(es).toEqual([]);
      if (f.access.search === 'read') expect(es).not.toContain('es:ESHttpPut');
      if (f.access.search === 'write') expect(es).toContain('es:ESHttpPut');
    }
  });

  it('maps a read-only route and a writing job with a secret to exactly those grants', () => {
    const reader = customStack.functions.routeHandlers.get('catalog')!;
    const readerActions = roleActions(customTemplate, logicalId(customStack, reader.fn.role!));
    expect(readerActions).toContain('dynamodb:GetItem');
    for (const a of writeActions) expect(readerActions).not.toContain(a);
    expect([...readerActions].some((a) => a.startsWith('es:'))).toBe(false);
    // The only secret a route function reads unasked is the origin-verify value (edge.cases.ts).
    expect(reader.access.secrets).toEqual([ORIGIN_VERIFY_KEY]);

    const writer = customStack.functions.jobs.get('search-bootstrap')!;
    const writerActions = roleActions(customTemplate, logicalId(customStack, writer.fn.role!));
    for (const a of [...writeActions, 'es:ESHttpPut', 'secretsmanager:GetSecretValue'])
      expect(writerActions).toContain(a);
    const secret = customStack.secrets.byName.get(SUPPLY_SIGNING_KEY)!;
    customTemplate.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 512,
      Timeout: 90,
      Environment: {
        Variables: Match.objectLike({
          [secretEnvName(SUPPLY_SIGNING_KEY)]: { Ref: logicalId(customStack, secret) },
        }),
      },
    });
  });

  it("only checkout, the storefront (its checkout page mails a guest's link) and the console (invitations) may send mail: ses:SendEmail from the region's identities, and their sender set", () => {
    const senders: string[] = [];
    for (const f of vn.functions.all()) {
      const actions = roleActions(template, logicalId(vn, f.fn.role!));
      if (actions.has('ses:SendEmail')) senders.push(f.name);
      expect(
        [...actions].filter((a) => a.startsWith('ses:') && a !== 'ses:SendEmail'),
        f.name,
      ).toEqual([]);
    }
    expect(senders.sort()).toEqual(['checkout', 'console', 'storefront']);
    for (const name of senders) {
      const sender = vn.functions.routeHandlers.get(name as 'checkout' | 'console' | 'storefront')!;
      const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
        (p.Properties.Roles as { Ref?: string }[]).some((r) => r.Ref === logicalId(vn, sender.fn.role!)),
      );
      const statements = policies.flatMap(
        (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
      );
      const ses = statements.find((st) => [st.Action].flat().includes('ses:SendEmail'))!;
      expect(JSON.stringify(ses.Resource)).toContain(':identity/*');
      const env = lambdas[logicalId(vn, sender.fn)]?.Properties.Environment.Variables;
      expect(env).toMatchObject({ MAIL_PROVIDER: 'ses', MAIL_FROM: 'no-reply@vn.sourcefront.example' });
    }
  });

  it('each function writes only to its own log group, with a retention', () => {
    for (const f of vn.functions.all()) {
      const fn = lambdas[logicalId(vn, f.fn)];
      expect(fn?.Properties.LoggingConfig.LogGroup).toBeDefined();
      expect(
        template.toJSON().Resources[logicalId(vn, f.fn.role!)].Properties.ManagedPolicyArns,
      ).toBeUndefined();
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });
});
