import { describe, expect, it } from 'vitest';
import { TENANT_SECRET_PREFIX_ENV, TOSS_SECRET_KEY } from '../../functions/secrets.ts';
import { logicalId, synthApp } from './kit.ts';

/**
 * Partners' own provider keys in the template CloudFormation receives: one IAM statement per
 * function that lists `tenantSecrets`, on exactly `<stack>/tenants/*\/toss-secret-key-??????`
 * (Secrets Manager's six-character suffix): the console may create, change and delete those
 * secrets, the functions that take payments may only read them, and no other function gets any
 * Secrets Manager action on them.
 */
const app = synthApp();

describe('tenant secrets: the console writes partners’ provider keys, the payment functions read them', () => {
  for (const region of ['vn', 'kr']) {
    const stack = app.stacks.get(region)!;
    const template = app.template(region);
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: never }>;

    /** The actions each role may take on the tenant-secret names (from the policies attached to it). */
    const onTenantSecrets = (roleId: string): string[] =>
      Object.values(resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy')
        .map((r) => r.Properties as { Roles?: { Ref?: string }[]; PolicyDocument: { Statement: unknown[] } })
        .filter((p) => (p.Roles ?? []).some((role) => role.Ref === roleId))
        .flatMap((p) => p.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((s) => JSON.stringify(s.Resource).includes(`/tenants/*/${TOSS_SECRET_KEY}-??????`))
        .flatMap((s) => [s.Action].flat());

    it(`${region}: only the console creates, changes and deletes them; the payment functions read; the name is the stack's`, () => {
      const writers: string[] = [];
      const readers: string[] = [];
      for (const f of stack.functions.all()) {
        const actions = onTenantSecrets(logicalId(stack, f.fn.role!));
        const fnProps = resources[logicalId(stack, f.fn)]!.Properties as unknown as {
          Environment: { Variables: Record<string, unknown> };
        };
        const env = fnProps.Environment.Variables;
        if (actions.includes('secretsmanager:PutSecretValue')) writers.push(f.name);
        else if (actions.length > 0) readers.push(f.name);
        if (actions.length === 0) {
          expect(env, f.name).not.toHaveProperty(TENANT_SECRET_PREFIX_ENV);
          continue;
        }
        expect(env[TENANT_SECRET_PREFIX_ENV], f.name).toBe(stack.stackName);
        if (writers.at(-1) === f.name)
          expect(actions.sort()).toEqual(
            [
              'secretsmanager:CreateSecret',
              'secretsmanager:DeleteSecret',
              'secretsmanager:GetSecretValue',
              'secretsmanager:PutSecretValue',
            ].sort(),
          );
        else expect(actions, f.name).toEqual(['secretsmanager:GetSecretValue']);
      }
      expect(writers).toEqual(['console']);
      // Checkout opens virtual accounts; the payment callbacks and refunds ask the provider back.
      expect(readers).toContain('checkout');
      expect(readers.length).toBeGreaterThanOrEqual(1);

      // The statement names this stack's prefix, in this region and account, nothing wider.
      const policy = Object.values(resources)
        .filter((r) => r.Type === 'AWS::IAM::Policy')
        .flatMap(
          (r) =>
            (r.Properties as { PolicyDocument: { Statement: { Resource: unknown }[] } }).PolicyDocument
              .Statement,
        )
        .find((s) => JSON.stringify(s.Resource).includes(`/tenants/*/${TOSS_SECRET_KEY}`));
      const resource = JSON.stringify(policy?.Resource);
      expect(resource).toContain(`:secret:${stack.stackName}/tenants/*/${TOSS_SECRET_KEY}-??????`);
      expect(resource).toContain(`:secretsmanager:${stack.region}:`);
      expect(resource).toContain('AWS::AccountId');
    });
  }
});
