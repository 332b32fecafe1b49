import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import type { BackgroundFunction } from '../../functions/background.ts';
import { alarmThresholds } from '../../lib/constructs/observability.ts';
import { logicalId, synthApp } from './kit.ts';

const withConsumer: BackgroundFunction = {
  handler: 'search-bootstrap',
  description: 'stream consumer',
  trigger: { tableStream: { batchSize: 10 } },
  access: { table: 'write', search: 'none' },
};
const app = synthApp({ background: [withConsumer] });
const template = app.template('vn');
const stack = app.stacks.get('vn')!;
const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
const topicId = logicalId(stack, stack.observability.topic);

describe('observability construct', () => {
  it('sends every alarm (and its recovery) to the encrypted topic that e-mails the region operators', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops-vn@sourcefront.example',
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
  });

  it('alarms on the API 5xx rate', () => {
    const rate = alarms.find((a) =>
      JSON.stringify(a.Properties.Metrics ?? []).includes('100 * errors / requests'),
    );
    expect(rate?.Properties).toMatchObject({
      Threshold: alarmThresholds.api5xxPercent,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(JSON.stringify(rate?.Properties.Metrics)).toContain('"MetricName":"5xx"');
  });

  it('alarms on throttles of every function and of the table', () => {
    for (const f of stack.functions.all()) {
      const id = logicalId(stack, f.fn);
      expect(
        alarms.some(
          (a) =>
            a.Properties.MetricName === 'Throttles' && JSON.stringify(a.Properties.Dimensions).includes(id),
        ),
        f.name,
      ).toBe(true);
    }
    expect(
      alarms.some((a) => JSON.stringify(a.Properties.Metrics ?? []).includes('WriteThrottleEvents')),
    ).toBe(true);
  });

  it('alarms on messages in both dead-letter queues', () => {
    for (const queue of [stack.handoff.deadLetters, stack.handoff.scheduleDeadLetters]) {
      const id = logicalId(stack, queue);
      expect(
        alarms.some(
          (a) =>
            a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' &&
            JSON.stringify(a.Properties.Dimensions).includes(id) &&
            a.Properties.Threshold === alarmThresholds.deadLetters,
        ),
      ).toBe(true);
    }
  });

  it('alarms on the stream iterator age of every stream consumer', () => {
    const consumer = stack.functions.jobs.get('search-bootstrap')!;
    const id = logicalId(stack, consumer.fn);
    const age = alarms.find((a) => a.Properties.MetricName === 'IteratorAge');
    expect(age?.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: alarmThresholds.iteratorAgeMs });
    expect(JSON.stringify(age?.Properties.Dimensions)).toContain(id);
  });

  it('has one dashboard per region, named for it', () => {
    for (const key of ['vn', 'kr']) {
      app.template(key).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      app
        .template(key)
        .hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: `sourcefront-${key}` });
    }
  });
});
