import { describe, expect, it } from 'vitest';
import { LAYOUT_VERSION } from '../../adapters/dynamodb/table-definition.ts';
import { TABLE_LAYOUT_TIMEOUT_SECONDS } from '../../lib/constructs/data.ts';
import { SEARCH_BOOTSTRAP_TIMEOUT_SECONDS } from '../../lib/constructs/search.ts';
import { logicalId, roleActions, synthApp } from './kit.ts';

const app = synthApp();
const template = app.template('vn');
const vn = app.stacks.get('vn')!;
const resources = template.toJSON().Resources as Record<
  string,
  { Type: string; DependsOn?: string[]; Properties: Record<string, unknown> }
>;
const tableId = logicalId(vn, vn.data.table);
const layoutId = vn.getLogicalId(vn.tableLayout.resource.node.defaultChild as never);
const layoutFn = vn.tableLayout.function;
const bootstrap = vn.search.node.findChild('IndexBootstrap') as unknown as {
  fn: { node: { defaultChild?: unknown } };
  role: { node: { defaultChild?: unknown } };
};

describe('table layout: the deployed table migrated to the code’s key layout on deploy', () => {
  it('is a Custom::TableLayout answered by its own function, naming the table and LAYOUT_VERSION (a change runs it again)', () => {
    template.hasResourceProperties('Custom::TableLayout', {
      ServiceToken: { 'Fn::GetAtt': [logicalId(vn, layoutFn.fn), 'Arn'] },
      TableName: { Ref: tableId },
      LayoutVersion: String(LAYOUT_VERSION),
      // CloudFormation gives up a minute after the function's timeout, not after an hour.
      ServiceTimeout: String(TABLE_LAYOUT_TIMEOUT_SECONDS + 60),
    });
    expect(resources[layoutId]?.Type).toBe('Custom::TableLayout');
  });

  it('its function has Lambda’s longest timeout, read/write on the table and no search access', () => {
    expect(resources[logicalId(vn, layoutFn.fn)]?.Properties.Timeout).toBe(TABLE_LAYOUT_TIMEOUT_SECONDS);
    expect(TABLE_LAYOUT_TIMEOUT_SECONDS).toBe(900);
    const actions = roleActions(template, logicalId(vn, layoutFn.role));
    for (const action of [
      'dynamodb:Scan',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:UpdateItem',
    ])
      expect(actions).toContain(action);
    expect([...actions].filter((a) => a.startsWith('es:'))).toEqual([]);
  });

  it('every function of the registries waits for it, and so does the offers index bootstrap', () => {
    const deployed = vn.functions.all();
    expect(deployed.length).toBeGreaterThan(5);
    for (const f of deployed) {
      expect(resources[logicalId(vn, f.fn)]?.DependsOn, f.name).toContain(layoutId);
    }
    const [offersIndex] = Object.entries(resources).filter(([, r]) => r.Type === 'Custom::OffersIndex');
    expect(offersIndex?.[1].DependsOn).toContain(layoutId);
    // The migration itself waits for nothing the new code makes (no cycle).
    expect(resources[logicalId(vn, layoutFn.fn)]?.DependsOn ?? []).not.toContain(layoutId);
  });
});

describe('offers index bootstrap: a schema bump rebuilds documents from the table', () => {
  it('reads the table (batch reads included) and writes nothing to it', () => {
    const actions = roleActions(template, logicalId(vn, bootstrap.role));
    expect(actions).toContain('dynamodb:BatchGetItem');
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:BatchWriteItem');
  });

  it('knows the table by name and has Lambda’s longest timeout', () => {
    const fn = resources[logicalId(vn, bootstrap.fn)]!;
    expect(fn.Properties.Timeout).toBe(SEARCH_BOOTSTRAP_TIMEOUT_SECONDS);
    template.hasResourceProperties('Custom::OffersIndex', {
      ServiceTimeout: String(SEARCH_BOOTSTRAP_TIMEOUT_SECONDS + 60),
    });
    expect(SEARCH_BOOTSTRAP_TIMEOUT_SECONDS).toBe(900);
    expect(
      (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.TABLE_NAME,
    ).toEqual({
      Ref: tableId,
    });
  });
});
