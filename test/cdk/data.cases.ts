import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../../adapters/dynamodb/table-definition.ts';
import { Data } from '../../lib/constructs/data.ts';

function tableTemplate(retain: boolean): Template {
  const stack = new Stack(new App(), 'DataTest');
  new Data(stack, 'Data', { retain });
  return Template.fromStack(stack);
}

const retained = tableTemplate(true);
const dev = tableTemplate(false);

describe('data construct: the region table from the single table definition', () => {
  it('is on-demand with point-in-time recovery, the stream view and TTL attribute of the definition', () => {
    retained.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: tableDefinition.streamViewType },
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('has the keys and exactly the GSIs of the definition, string-typed, projecting only what lists read', () => {
    const [table] = Object.values(retained.findResources('AWS::DynamoDB::Table'));
    const props = table?.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    expect(props.GlobalSecondaryIndexes ?? []).toEqual(
      tableDefinition.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...g.projected] },
      })),
    );
    const keyNames = [
      tableDefinition.partitionKey,
      tableDefinition.sortKey,
      ...tableDefinition.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    ];
    expect(props.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect(props.AttributeDefinitions).toHaveLength(keyNames.length);
  });

  it('has no index named by position (gsi1, gsi2): each is named after its access pattern', () => {
    const [table] = Object.values(retained.findResources('AWS::DynamoDB::Table'));
    const names = (table?.Properties.GlobalSecondaryIndexes ?? []).map(
      (g: { IndexName: string }) => g.IndexName,
    );
    for (const name of names) expect(name).toMatch(/^by[A-Z][A-Za-z]+$/);
    expect(names).not.toContain('gsi1');
  });

  it('outside dev: deletion protection on and the table retained when the stack goes', () => {
    retained.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
  });

  it('in dev: deletable with its stack', () => {
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});
