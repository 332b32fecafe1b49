import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { type BackgroundFunction, backgroundFunctions } from '../../functions/background.ts';
import { SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { streamRetry } from '../../lib/constructs/handoff.ts';
import { logicalId, sharedOutdir, synthApp } from './kit.ts';

const streamJob: BackgroundFunction = {
  handler: 'search-bootstrap',
  description: 'stream consumer standing in for the dispatcher',
  trigger: { tableStream: { batchSize: 25 } },
  access: { table: 'write', search: 'none', secrets: [SUPPLY_SIGNING_KEY] },
};
const scheduledJob: BackgroundFunction = {
  handler: 'search-bootstrap',
  description: 'scheduled sweep',
  trigger: { schedule: 'rate(5 minutes)' },
  access: { table: 'write', search: 'none' },
};

const project = synthApp();
const stream = synthApp({ background: [streamJob] });
const scheduled = synthApp({ background: [scheduledJob] });

describe('handoff construct: stream consumers, schedules, the supply signing key', () => {
  it('wires a tableStream function to the table stream: batch size, bisect, bounded retries, partial failures, SQS DLQ', () => {
    const stack = stream.stacks.get('vn')!;
    const template = stream.template('vn');
    const job = stack.functions.jobs.get('search-bootstrap')!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack, job.fn) },
      EventSourceArn: { 'Fn::GetAtt': [logicalId(stack, stack.data.table), 'StreamArn'] },
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: streamRetry.retryAttempts,
      MaximumRecordAgeInSeconds: streamRetry.maxRecordAgeHours * 3600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack, stack.handoff.deadLetters), 'Arn'] } },
      },
    });
    expect(stack.handoff.streamConsumers.map((f) => f.name)).toEqual(['search-bootstrap']);
  });

  it("deploys the project's dispatcher on the table stream, filtered to outbox INSERTs, with the supply signing key", () => {
    const stack = project.stacks.get('vn')!;
    const template = project.template('vn');
    const job = stack.functions.jobs.get('handoff-dispatch')!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack, job.fn) },
      BatchSize: 25,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { Keys: { sk: { S: [{ prefix: 'OUTBOX#' }] } } },
            }),
          },
        ],
      },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(stack, stack.handoff.deadLetters), 'Arn'] } },
      },
    });
    expect(stack.handoff.streamConsumers.map((f) => f.name)).toEqual(['handoff-dispatch', 'mirror-images']);
  });

  it('deploys the image mirror on offer INSERTs and MODIFYs, with sharp from an arm64 layer (shared with the console) and the asset bucket', () => {
    const stack = project.stacks.get('vn')!;
    const template = project.template('vn');
    const job = stack.functions.jobs.get('mirror-images')!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack, job.fn) },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { Keys: { sk: { S: [{ prefix: 'OFFER' }] } } },
            }),
          },
        ],
      },
    });
    const fn = template.findResources('AWS::Lambda::Function')[logicalId(stack, job.fn)]!;
    expect(fn.Properties.Environment.Variables.ASSETS_BUCKET).toEqual({
      Ref: logicalId(stack, stack.storefront.assets),
    });
    const [layerRef] = fn.Properties.Layers;
    const layers = template.findResources('AWS::Lambda::LayerVersion');
    expect(Object.keys(layers)).toEqual([layerRef.Ref]);
    const layer = layers[layerRef.Ref]!;
    expect(layer.Properties.CompatibleArchitectures).toEqual(['arm64']);
    expect(layer.Properties.Description).toMatch(/@img\/sharp-linux-arm64@\d/);
    // The layer's content is the Linux arm64 build the Node.js runtime resolves from /opt/nodejs.
    const s3Key = JSON.stringify(layer.Properties.Content.S3Key).match(/([0-9a-f]{64})\.zip/)![1];
    const staged = join(sharedOutdir, `asset.${s3Key}`);
    const binaries = readdirSync(join(staged, 'nodejs', 'node_modules', '@img'));
    expect(binaries).toEqual(expect.arrayContaining(['sharp-linux-arm64', 'sharp-libvips-linux-arm64']));
    expect(binaries.filter((b) => b.includes('x64'))).toEqual([]);
    // Only the functions that load sharp carry the layer: the mirror, and the console (logo uploads).
    const lambdas = template.findResources('AWS::Lambda::Function');
    const withLayers = Object.keys(lambdas).filter((id) => lambdas[id]!.Properties.Layers);
    expect(withLayers.sort()).toEqual(
      [logicalId(stack, job.fn), logicalId(stack, stack.functions.routeHandlers.get('console')!.fn)].sort(),
    );
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(logicalId(stack, job.fn.role!)),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: {
          'Fn::Join': [
            '',
            [{ 'Fn::GetAtt': [logicalId(stack, stack.storefront.assets), 'Arn'] }, '/assets/*'],
          ],
        },
      }),
    );
  });

  it('runs a schedule function from an EventBridge rule with retries and a dead-letter queue', () => {
    const stack = scheduled.stacks.get('vn')!;
    const job = stack.functions.jobs.get('search-bootstrap')!;
    scheduled.template('vn').hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalId(stack, job.fn), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: {
            Arn: { 'Fn::GetAtt': [logicalId(stack, stack.handoff.scheduleDeadLetters), 'Arn'] },
          },
        }),
      ],
    });
  });

  it("wires every entry of the project's background registry by its trigger", () => {
    const template = project.template('vn');
    const rules = Object.values(template.findResources('AWS::Events::Rule'));
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));
    const schedules = backgroundFunctions.flatMap((b) =>
      'schedule' in b.trigger ? [b.trigger.schedule] : [],
    );
    const batchSizes = backgroundFunctions.flatMap((b) =>
      'tableStream' in b.trigger ? [b.trigger.tableStream.batchSize] : [],
    );
    expect(rules.map((r) => r.Properties.ScheduleExpression).sort()).toEqual(schedules.sort());
    expect(mappings.map((m) => m.Properties.BatchSize).sort()).toEqual(batchSizes.sort());
  });

  it('keeps the supply signing key in Secrets Manager, generated at deploy time, named per region', () => {
    for (const key of ['vn', 'kr']) {
      project.template(key).hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `sourcefront/${key}/${SUPPLY_SIGNING_KEY}`,
        GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
      });
      project.template(key).hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
      expect(
        JSON.stringify(project.template(key).findResources('AWS::SecretsManager::Secret')),
      ).not.toContain('"SecretString"');
    }
  });

  it('dead-letter queues are encrypted, TLS-only and keep messages 14 days', () => {
    const template = project.template('vn');
    const queues = Object.values(template.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const q of queues) {
      expect(q.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
    }
    const policies = Object.values(template.findResources('AWS::SQS::QueuePolicy'));
    expect(JSON.stringify(policies)).toContain('aws:SecureTransport');
  });
});
