import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeployedFunction } from './functions.ts';

/** Alarm thresholds, one place (the operator docs explain each alarm). */
export const alarmThresholds = {
  /** Percentage of API requests answered 5xx over 5 minutes, in 2 of 3 periods. */
  api5xxPercent: 5,
  /** Lambda throttles in 5 minutes, per function. */
  functionThrottles: 1,
  /** DynamoDB throttled reads + writes in 5 minutes. */
  tableThrottles: 1,
  /** Messages in a dead-letter queue. */
  deadLetters: 1,
  /** Age of the oldest stream record a consumer has not processed, in milliseconds. */
  iteratorAgeMs: 5 * 60 * 1000,
} as const;

export interface ObservabilityProps {
  name: string;
  alarmEmail: string;
  api: HttpApi;
  table: ITable;
  functions: readonly DeployedFunction[];
  streamConsumers: readonly DeployedFunction[];
  deadLetterQueues: readonly { name: string; queue: IQueue }[];
}

/**
 * Alarms that page the region's operators by e-mail (an encrypted SNS topic) and one dashboard
 * per region: API 5xx rate, function and table throttles, handoff dead letters, stream
 * iterator age.
 */
export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const key = new Key(this, 'AlarmsKey', {
      description: `${props.name} alarm topic encryption`,
      enableKeyRotation: true,
    });
    // CloudWatch publishes alarm notifications to the encrypted topic.
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', {
      displayName: `${props.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.topic);
    const period = Duration.minutes(5);
    const alarm = (id: string, spec: ConstructorParameters<typeof Alarm>[2]) => {
      const created = new Alarm(this, id, { treatMissingData: TreatMissingData.NOT_BREACHING, ...spec });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    const requests = props.api.metricCount({ period, statistic: 'Sum' });
    const errors5xx = props.api.metricServerError({ period, statistic: 'Sum' });
    const rate5xx = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: errors5xx },
      label: 'API 5xx %',
      period,
    });
    alarm('Api5xxRate', {
      alarmDescription: `More than ${alarmThresholds.api5xxPercent}% of API requests answered 5xx (2 of 3 five-minute periods)`,
      metric: rate5xx,
      threshold: alarmThresholds.api5xxPercent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    for (const f of props.functions) {
      alarm(`Throttles-${f.kind}-${f.name}`, {
        alarmDescription: `Lambda ${f.kind} ${f.name} was throttled (concurrency limit reached)`,
        metric: f.fn.metricThrottles({ period, statistic: 'Sum' }),
        threshold: alarmThresholds.functionThrottles,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    const tableMetric = (metricName: string) =>
      new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: props.table.tableName },
        period,
        statistic: 'Sum',
      });
    const tableThrottles = new MathExpression({
      expression: 'FILL(reads, 0) + FILL(writes, 0)',
      usingMetrics: { reads: tableMetric('ReadThrottleEvents'), writes: tableMetric('WriteThrottleEvents') },
      label: 'DynamoDB throttle events',
      period,
    });
    alarm('TableThrottles', {
      alarmDescription: 'DynamoDB throttled reads or writes on the region table',
      metric: tableThrottles,
      threshold: alarmThresholds.tableThrottles,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    for (const { name, queue } of props.deadLetterQueues) {
      alarm(`DeadLetters-${name}`, {
        alarmDescription: `Messages waiting in the ${name} dead-letter queue: work that failed every retry`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        threshold: alarmThresholds.deadLetters,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    const iteratorAge = (f: DeployedFunction) =>
      f.fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' });
    for (const f of props.streamConsumers) {
      alarm(`IteratorAge-${f.name}`, {
        alarmDescription: `Stream consumer ${f.name} is more than ${alarmThresholds.iteratorAgeMs / 60000} minutes behind the table stream`,
        metric: iteratorAge(f),
        threshold: alarmThresholds.iteratorAgeMs,
        evaluationPeriods: 5,
        datapointsToAlarm: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      });
    }

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.name,
      defaultInterval: Duration.hours(6),
    });
    const fnMetrics = (pick: (f: DeployedFunction) => Metric) => props.functions.map(pick);
    this.dashboard.addWidgets(
      new TextWidget({ markdown: `# ${props.name}\nAPI, functions, table, handoff.`, width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and 5xx',
        left: [requests, errors5xx],
        right: [rate5xx],
        width: 12,
      }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        left: [
          props.api.metricLatency({ period, statistic: 'p50' }),
          props.api.metricLatency({ period, statistic: 'p99' }),
        ],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors',
        left: fnMetrics((f) => f.fn.metricErrors({ period })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function throttles',
        left: fnMetrics((f) => f.fn.metricThrottles({ period })),
        width: 8,
      }),
      new GraphWidget({
        title: 'Function duration p99',
        left: fnMetrics((f) => f.fn.metricDuration({ period, statistic: 'p99' })),
        width: 8,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'DynamoDB throttles', left: [tableThrottles], width: 8 }),
      new GraphWidget({
        title: 'Dead letters',
        left: props.deadLetterQueues.map(({ queue }) =>
          queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
        ),
        width: 8,
      }),
      new GraphWidget({
        title: 'Stream iterator age (ms)',
        left: props.streamConsumers.map(iteratorAge),
        width: 8,
      }),
    );
  }
}
