import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import nag from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { defaultRequirementsFile, pythonTool } from '../../local/tools/python-tools.ts';
import { devRegion, synthApp } from './kit.ts';

const app = synthApp({ extraRegions: { dv: devRegion } });
const assembly = app.app.synth();
// Each template as this assembly synthesized it, in a folder of its own for cfn-lint.
const outdir = mkdtempSync(join(tmpdir(), 'sourcefront-templates-'));
const templateFiles = assembly.stacks.map((stack) => {
  const file = join(outdir, `${stack.stackName}.template.json`);
  writeFileSync(file, JSON.stringify(stack.template, null, 1));
  return file;
});

type Statement = { Effect: string; Action?: string | string[]; NotAction?: unknown; Resource?: unknown };
const readOnly = /^[a-z0-9-]+:(Get|List|Describe|Query|Scan|BatchGet|ConditionCheck|ESHttpGet|ESHttpHead)/;

/** Every policy document in a template: IAM policies, roles, and resource policies alike. */
function statementsIn(template: {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}) {
  const found: { resource: string; type: string; statement: Statement }[] = [];
  const visit = (resource: string, type: string, value: unknown) => {
    if (Array.isArray(value)) for (const v of value) visit(resource, type, v);
    else if (value && typeof value === 'object') {
      const doc = value as { Statement?: Statement[] };
      if (Array.isArray(doc.Statement) && 'Version' in doc) {
        for (const statement of doc.Statement) found.push({ resource, type, statement });
      }
      for (const v of Object.values(value)) visit(resource, type, v);
    }
  };
  for (const [id, r] of Object.entries(template.Resources)) visit(id, r.Type, r.Properties);
  return found;
}

/** The project's pinned cfn-lint (local/tools/requirements.txt), never whatever is on PATH;
 * installed into .local/tools on first use. */
const cfnLint = await pythonTool('cfn-lint');

describe('security and template checks over every region', () => {
  it('synthesizes every region into the cloud assembly', () => {
    expect(templateFiles.length).toBe(assembly.stacks.length);
    expect(assembly.stacks.length).toBeGreaterThanOrEqual(3);
  });

  it('cdk-nag AwsSolutions: no unacknowledged finding in any region stack, errors or warnings', () => {
    const report = new nag.AwsSolutionsChecks().validateScope(app.app);
    const findings = report.violations.map(
      (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('cdk-nag runs for real: an unencrypted-in-transit, unlogged bucket is reported', () => {
    const probe = new App();
    new Bucket(new Stack(probe, 'Probe'), 'Open');
    const report = new nag.AwsSolutionsChecks().validateScope(probe);
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  });

  it('every acknowledged finding carries a written reason', () => {
    let acknowledged = 0;
    for (const construct of app.app.node.findAll()) {
      for (const entry of construct.node.metadata.filter(
        (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
      )) {
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          acknowledged++;
          expect(id).toMatch(/AwsSolutions-/);
          expect(reason.length, `${construct.node.path} ${id}`).toBeGreaterThan(40);
        }
      }
    }
    expect(acknowledged).toBeGreaterThan(0);
  });

  it('no policy statement allows Action "*", nor a write action on Resource "*", except the KMS key policy', () => {
    for (const file of templateFiles) {
      const template = JSON.parse(readFileSync(file, 'utf8'));
      for (const { resource, type, statement } of statementsIn(template)) {
        if (statement.Effect !== 'Allow') continue;
        const actions = [statement.Action ?? []].flat() as string[];
        const resources = [statement.Resource ?? []].flat();
        const where = `${file.split('/').pop()} ${resource}`;
        expect(actions, where).not.toContain('*');
        expect(statement.NotAction, where).toBeUndefined();
        // A key policy's "*" is the key itself; CDK's default gives the account root kms:* on it.
        if (type === 'AWS::KMS::Key') continue;
        if (resources.includes('*')) {
          expect(
            actions.filter((a) => !readOnly.test(a)),
            where,
          ).toEqual([]);
        }
      }
    }
  });

  it('cfn-lint is the version pinned in local/tools/requirements.txt, whatever is on PATH', () => {
    const pinned = /^cfn-lint==(\S+)/m.exec(readFileSync(defaultRequirementsFile, 'utf8'))?.[1];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(spawnSync(cfnLint, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(`cfn-lint ${pinned}`);
  });

  it('cfn-lint: no errors in any synthesized template', () => {
    const run = spawnSync(cfnLint, ['--format', 'json', '--', ...templateFiles], {
      encoding: 'utf8',
    });
    const findings = JSON.parse(run.stdout || '[]') as {
      Level: string;
      Rule: { Id: string };
      Message: string;
      Filename: string;
    }[];
    const errors = findings
      .filter((f) => f.Level === 'Error')
      .map((f) => `${f.Filename} ${f.Rule.Id} ${f.Message}`);
    expect(errors).toEqual([]);
    expect(run.status === 0 || findings.length > 0, run.stderr).toBe(true);
    // cfn-lint reads every region's templates in one process: ~2 minutes on a quiet 2-core
    // machine, over 4 on a busy one.
  }, 420_000);

  it('cfn-lint runs for real: a broken template is reported as an error', () => {
    const broken = join(outdir, 'broken.yaml');
    writeFileSync(broken, 'Resources:\n  T:\n    Type: AWS::SQS::Queue\n    Properties:\n      Nope: 1\n');
    const run = spawnSync(cfnLint, ['--format', 'json', '--', broken], { encoding: 'utf8' });
    const findings = JSON.parse(run.stdout) as { Level: string }[];
    expect(findings.some((f) => f.Level === 'Error')).toBe(true);
  });
});
