import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_KEY, secretEnvName } from '../../functions/secrets.ts';
import { cdkJsonContext } from '../../lib/build-app.ts';
import { managedRuleGroups } from '../../lib/edge-stack.ts';
import { parseRegions, REGIONS_CONTEXT_KEY } from '../../lib/regions.ts';
import { devRegion, logicalId, synthApp } from './kit.ts';

const versionId = 'a1b2c3d4-0000-4000-8000-0123456789ab';
const app = synthApp({
  extraRegions: {
    dv: devRegion,
    th: {
      ...devRegion,
      region: 'ap-southeast-7',
      tenants: [
        { id: 'th', domains: ['a.example.th'] },
        { id: 'th2', domains: ['b.example.th'] },
      ],
      sizing: { profile: 'dev', edge: { requestsPerIpPer5Minutes: 500 } },
      originVerifyVersionId: versionId,
    },
  },
});
const regions = parseRegions({
  ...(cdkJsonContext()[REGIONS_CONTEXT_KEY] as Record<string, unknown>),
  dv: devRegion,
});
// The managed policy CloudFront's API behaviours use: every viewer header but Host.
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

type Origin = {
  Id: string;
  CustomOriginConfig?: unknown;
  OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
};
const distributionsOf = (key: string) =>
  Object.values(app.template(key).findResources('AWS::CloudFront::Distribution')).map(
    (d) => d.Properties.DistributionConfig,
  );

/** The CloudFront function as the template deploys it, run on a viewer request. */
function runViewerRequest(key: string, headers: Record<string, { value: string }>) {
  const [fn] = Object.values(app.template(key).findResources('AWS::CloudFront::Function'));
  const code = fn?.Properties.FunctionCode as string;
  const event = { request: { method: 'GET', uri: '/api/v1/tenant', headers, querystring: {}, cookies: {} } };
  return runInNewContext(`${code}\nhandler(event);`, { event }) as {
    headers: Record<string, { value: string }>;
  };
}

describe('edge: only CloudFront reaches the API, and the tenant comes from what CloudFront forwards', () => {
  for (const region of regions) {
    const stack = app.stacks.get(region.key)!;
    const template = app.template(region.key);
    const secret = stack.secrets.byName.get(ORIGIN_VERIFY_KEY)!;
    const secretRef = { Ref: logicalId(stack, secret) };

    it(`${region.key}: the origin-verify secret is generated per region, never written in the template`, () => {
      template.hasResourceProperties('AWS::SecretsManager::Secret', {
        Name: `sourcefront/${region.key}/${ORIGIN_VERIFY_KEY}`,
        GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false },
      });
      const resource = template.toJSON().Resources[logicalId(stack, secret)];
      expect(resource.Properties.SecretString).toBeUndefined();
    });

    it(`${region.key}: every distribution sends ${ORIGIN_VERIFY_HEADER} to the API origin, resolved from that secret at deploy time`, () => {
      const distributions = distributionsOf(region.key);
      expect(distributions.length).toBeGreaterThan(0);
      for (const config of distributions) {
        const origins = config.Origins as Origin[];
        const api = origins.find((o) => o.CustomOriginConfig)!;
        expect(api.OriginCustomHeaders).toEqual([
          {
            HeaderName: ORIGIN_VERIFY_HEADER,
            HeaderValue: {
              'Fn::Join': ['', ['{{resolve:secretsmanager:', secretRef, ':SecretString:::}}']],
            },
          },
        ]);
        // The origin is the API's execute-api name, which therefore stays enabled.
        expect(JSON.stringify(api)).toContain(logicalId(stack, stack.api.httpApi));
        // Assets come from S3, which never sees the value.
        for (const other of origins.filter((o) => o !== api))
          expect(other.OriginCustomHeaders).toBeUndefined();
        for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
          if (behavior.TargetOriginId !== api.Id) continue;
          expect(behavior.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
          expect(behavior.FunctionAssociations).toEqual([
            expect.objectContaining({ EventType: 'viewer-request' }),
          ]);
        }
      }
    });

    it(`${region.key}: the API keeps its execute-api endpoint, which is CloudFront's origin`, () => {
      const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));
      expect(api?.Properties.DisableExecuteApiEndpoint).not.toBe(true);
    });

    it(`${region.key}: every route function requires the header, knows its stage and may read the secret; jobs do not serve HTTP`, () => {
      const lambdas = template.findResources('AWS::Lambda::Function');
      const policies = Object.values(template.findResources('AWS::IAM::Policy'));
      const readers = (id: string) =>
        policies
          .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === id))
          .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: unknown; Resource: unknown }[])
          .filter((s) => [s.Resource].flat().some((r) => JSON.stringify(r) === JSON.stringify(secretRef)))
          .flatMap((s) => [s.Action].flat());
      expect(stack.functions.routeHandlers.size).toBeGreaterThan(0);
      for (const f of stack.functions.routeHandlers.values()) {
        const env = lambdas[logicalId(stack, f.fn)]?.Properties.Environment.Variables;
        expect(env, f.name).toMatchObject({
          ORIGIN_VERIFY: 'required',
          STAGE: region.stage,
          [secretEnvName(ORIGIN_VERIFY_KEY)]: secretRef,
        });
        expect(readers(logicalId(stack, f.fn.role!)), f.name).toContain('secretsmanager:GetSecretValue');
        expect(f.access.secrets).toContain(ORIGIN_VERIFY_KEY);
      }
      for (const f of stack.functions.jobs.values()) {
        const env = lambdas[logicalId(stack, f.fn)]?.Properties.Environment.Variables;
        expect(env, f.name).toMatchObject({ ORIGIN_VERIFY: 'off', STAGE: region.stage });
        if (!f.definition.access.secrets?.includes(ORIGIN_VERIFY_KEY))
          expect(readers(logicalId(stack, f.fn.role!)), f.name).toEqual([]);
      }
    });
  }

  it('a rotated origin-verify value is pinned by the version id the region config names', () => {
    const th = app.stacks.get('th')!;
    const secretRef = { Ref: logicalId(th, th.secrets.byName.get(ORIGIN_VERIFY_KEY)!) };
    const distributions = distributionsOf('th');
    expect(distributions).toHaveLength(2);
    for (const config of distributions) {
      const api = (config.Origins as Origin[]).find((o) => o.CustomOriginConfig)!;
      expect(api.OriginCustomHeaders?.[0]?.HeaderValue).toEqual({
        'Fn::Join': ['', ['{{resolve:secretsmanager:', secretRef, `:SecretString:::${versionId}}}`]],
      });
    }
  });

  it('the viewer-request function sets x-forwarded-host from Host, whatever x-forwarded-host the viewer sent', () => {
    const request = runViewerRequest('vn', {
      host: { value: 'nguonhang.example.vn' },
      'x-forwarded-host': { value: 'sourcing.example.kr' },
    });
    expect(request.headers['x-forwarded-host']).toEqual({ value: 'nguonhang.example.vn' });
    expect(request.headers.host).toEqual({ value: 'nguonhang.example.vn' });
    expect(runViewerRequest('vn', { host: { value: 'a.example.th' } }).headers['x-forwarded-host']).toEqual({
      value: 'a.example.th',
    });
  });

  it('the viewer-request function drops a viewer-sent origin-verify header', () => {
    const request = runViewerRequest('vn', {
      host: { value: 'nguonhang.example.vn' },
      [ORIGIN_VERIFY_HEADER]: { value: 'guessed' },
    });
    expect(request.headers).not.toHaveProperty(ORIGIN_VERIFY_HEADER);
  });
});

describe('edge: a WAF web ACL on every distribution, from a us-east-1 companion stack', () => {
  for (const region of regions) {
    it(`${region.key}: Sourcefront-${region.key}-edge in us-east-1 holds one CloudFront-scoped web ACL`, () => {
      const edge = app.edges.get(region.key)!;
      expect(edge.region).toBe('us-east-1');
      expect(edge.stackName).toBe(`Sourcefront-${region.key}-edge`);
      const acls = Object.values(app.edgeTemplate(region.key).findResources('AWS::WAFv2::WebACL'));
      expect(acls).toHaveLength(1);
      expect(acls[0]?.Properties).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
      expect(Object.keys(app.template(region.key).findResources('AWS::WAFv2::WebACL'))).toEqual([]);
    });

    it(`${region.key}: a rate limit per client IP first, then the AWS managed rule groups, all enforcing`, () => {
      const [acl] = Object.values(app.edgeTemplate(region.key).findResources('AWS::WAFv2::WebACL'));
      type Rule = {
        Name: string;
        Priority: number;
        Action?: unknown;
        OverrideAction?: unknown;
        Statement: Record<string, Record<string, unknown>>;
        VisibilityConfig: Record<string, unknown>;
      };
      const rules = [...(acl!.Properties.Rules as Rule[])].sort((a, b) => a.Priority - b.Priority);
      expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
      const [rate, ...managed] = rules;
      expect(rate?.Action).toEqual({ Block: {} });
      expect(rate?.Statement.RateBasedStatement).toEqual({
        AggregateKeyType: 'IP',
        EvaluationWindowSec: 300,
        Limit: region.sizing.edge.requestsPerIpPer5Minutes,
      });
      expect(managed.map((r) => r.Statement.ManagedRuleGroupStatement)).toEqual(
        [
          'AWSManagedRulesAmazonIpReputationList',
          'AWSManagedRulesCommonRuleSet',
          'AWSManagedRulesKnownBadInputsRuleSet',
        ].map((name) => ({ VendorName: 'AWS', Name: name })),
      );
      expect(managedRuleGroups).toHaveLength(3);
      for (const rule of managed) {
        // `none` keeps each group's own block actions; `count` would only watch.
        expect(rule.OverrideAction).toEqual({ None: {} });
        expect(JSON.stringify(rule.Statement)).not.toContain('RuleActionOverrides');
      }
      for (const rule of rules) {
        expect(rule.VisibilityConfig).toMatchObject({
          CloudWatchMetricsEnabled: true,
          SampledRequestsEnabled: true,
        });
      }
    });

    it(`${region.key}: every distribution is associated with that web ACL through the cross-region reference`, () => {
      const edgeTemplate = app.edgeTemplate(region.key);
      const edge = app.edges.get(region.key)!;
      const [writer] = Object.values(edgeTemplate.findResources('Custom::CrossRegionExportWriter'));
      expect(writer?.Properties.WriterProps.region).toBe(region.region);
      const exports = writer?.Properties.WriterProps.exports as Record<string, unknown>;
      const aclArn = { 'Fn::GetAtt': [edge.getLogicalId(edge.webAcl), 'Arn'] };
      const distributions = distributionsOf(region.key);
      // One per tenant (or the default site), and the console's where the region names one.
      expect(distributions.length).toBe(Math.max(1, region.tenants.length) + (region.console ? 1 : 0));
      for (const config of distributions) {
        const [reader, parameter] = config.WebACLId['Fn::GetAtt'] as [string, string];
        expect(app.template(region.key).toJSON().Resources[reader].Type).toBe(
          'Custom::CrossRegionExportReader',
        );
        expect(exports[parameter]).toEqual(aclArn);
      }
    });
  }

  it('the rate limit per client IP follows the region sizing, and a region with two tenants protects both distributions', () => {
    const [acl] = Object.values(app.edgeTemplate('th').findResources('AWS::WAFv2::WebACL'));
    const rate = (acl!.Properties.Rules as { Statement: { RateBasedStatement?: { Limit: number } } }[]).find(
      (r) => r.Statement.RateBasedStatement,
    );
    expect(rate?.Statement.RateBasedStatement?.Limit).toBe(500);
    const distributions = distributionsOf('th');
    expect(distributions).toHaveLength(2);
    for (const config of distributions) expect(config.WebACLId).toBeDefined();
  });
});
