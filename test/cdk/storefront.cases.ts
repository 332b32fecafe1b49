import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { consoleRequestFunctionCode, contentSecurityPolicy } from '../../lib/constructs/storefront.ts';
import { certificateParameterName } from '../../lib/regions.ts';
import { devRegion, logicalId, synthApp } from './kit.ts';

const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/0b5c1e0e-6a8f-4b8e-9f1d-3c2b1a0f9e8d';
const app = synthApp({
  extraRegions: {
    dv: devRegion,
    th: {
      ...devRegion,
      region: 'ap-southeast-7',
      tenants: [{ id: 'th', domains: ['a.example.th', 'b.example.th'], certificateArn }],
      console: { domain: 'console.example.th', certificateArn },
    },
  },
});
const vn = app.template('vn');
const vnStack = app.stacks.get('vn')!;
const distributionsOf = (key: string) =>
  Object.values(app.template(key).findResources('AWS::CloudFront::Distribution'));

describe('storefront delivery construct', () => {
  it("one distribution per tenant with the tenant's domains and its us-east-1 certificate read from SSM", () => {
    const [distribution] = distributionsOf('vn');
    const config = distribution?.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['nguonhang.example.vn']);
    expect(config.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    const parameterRef = config.ViewerCertificate.AcmCertificateArn.Ref;
    expect(vn.toJSON().Parameters[parameterRef]).toMatchObject({
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: certificateParameterName({ key: 'vn' }, { id: 'vn' }),
    });
  });

  it('uses a certificate ARN given in the config as it is', () => {
    const [distribution] = distributionsOf('th');
    expect(distribution?.Properties.DistributionConfig.Aliases).toEqual(['a.example.th', 'b.example.th']);
    expect(distribution?.Properties.DistributionConfig.ViewerCertificate.AcmCertificateArn).toBe(
      certificateArn,
    );
  });

  it("the console gets its own distribution: every path to the API's /console routes, uncached, the viewer host forwarded; /assets/* from the bucket", () => {
    const th = app.stacks.get('th')!;
    const template = app.template('th');
    const config = template.findResources('AWS::CloudFront::Distribution')[
      logicalId(th, th.storefront.console!)
    ]!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['console.example.th']);
    expect(config.ViewerCertificate.AcmCertificateArn).toBe(certificateArn);
    // AWS's managed CachingDisabled policy.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.CacheBehaviors.map((b: { PathPattern: string }) => b.PathPattern)).toEqual(['/assets/*']);
    const [association] = config.DefaultCacheBehavior.FunctionAssociations;
    const fn = template.findResources('AWS::CloudFront::Function')[association.FunctionARN['Fn::GetAtt'][0]]!;
    expect(fn.Properties.FunctionCode).toBe(consoleRequestFunctionCode);
    // What the function does to a viewer's request (CloudFront's event shape).
    const handler = new Function(`${consoleRequestFunctionCode}; return handler;`)() as (event: unknown) => {
      uri: string;
      headers: Record<string, { value: string } | undefined>;
    };
    const request = (uri: string) =>
      handler({
        request: {
          uri,
          headers: { host: { value: 'console.example.th' }, 'x-origin-verify': { value: 'forged' } },
        },
      });
    expect(request('/')).toMatchObject({
      uri: '/console',
      headers: { 'x-forwarded-host': { value: 'console.example.th' } },
    });
    expect(request('/tenants/th/launch').uri).toBe('/console/tenants/th/launch');
    expect(request('/').headers['x-origin-verify']).toBeUndefined();
    expect(
      distributionsOf('vn').filter((d) =>
        d.Properties.DistributionConfig.Aliases?.[0]?.startsWith('console.'),
      ),
    ).toHaveLength(1);
  });

  it('a region without tenants gets one distribution on its cloudfront.net name', () => {
    const distributions = distributionsOf('dv');
    expect(distributions).toHaveLength(1);
    expect(distributions[0]?.Properties.DistributionConfig.Aliases).toBeUndefined();
  });

  it('pages and /api/* go to the HTTP API over TLS 1.2 with the viewer host forwarded; /assets/* to the private bucket', () => {
    const config = distributionsOf('vn')[0]?.Properties.DistributionConfig;
    const origins = config.Origins as {
      Id: string;
      CustomOriginConfig?: Record<string, unknown>;
      S3OriginConfig?: unknown;
      OriginAccessControlId?: unknown;
    }[];
    const api = origins.find((o) => o.CustomOriginConfig)!;
    expect(api.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    const bucket = origins.find((o) => o.S3OriginConfig)!;
    expect(bucket.OriginAccessControlId).toEqual({
      'Fn::GetAtt': [logicalId(vnStack, vnStack.storefront.node.findChild('AssetsAccess')), 'Id'],
    });
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(api.Id);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultCacheBehavior.FunctionAssociations[0].EventType).toBe('viewer-request');
    const byPath = Object.fromEntries(
      (config.CacheBehaviors as { PathPattern: string; TargetOriginId: string }[]).map((b) => [
        b.PathPattern,
        b,
      ]),
    );
    expect(byPath['/api/*']?.TargetOriginId).toBe(api.Id);
    expect(byPath['/assets/*']?.TargetOriginId).toBe(bucket.Id);
    vn.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("x-forwarded-host'\\] = \\{ value: request.headers.host.value"),
    });
  });

  it('the assets bucket is private, TLS-only, and readable only by the distributions through OAC', () => {
    vn.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    const assetsId = logicalId(vnStack, vnStack.storefront.assets);
    const policy = Object.values(vn.findResources('AWS::S3::BucketPolicy')).find(
      (p) => p.Properties.Bucket.Ref === assetsId,
    );
    const statements = policy?.Properties.PolicyDocument.Statement as {
      Effect: string;
      Principal: unknown;
      Condition: unknown;
      Action: unknown;
    }[];
    expect(
      statements.some(
        (s) => s.Effect === 'Deny' && JSON.stringify(s.Condition).includes('aws:SecureTransport'),
      ),
    ).toBe(true);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const s of allows) {
      expect(s.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(JSON.stringify(s.Condition)).toContain('AWS:SourceArn');
    }
  });

  it('every behaviour answers with the security headers policy', () => {
    vn.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          // The origin's per-response nonce CSP on pages must not be replaced at the edge.
          ContentSecurityPolicy: { ContentSecurityPolicy: contentSecurityPolicy, Override: false },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
            Preload: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        },
      }),
    });
    const policyId = logicalId(vnStack, vnStack.storefront.securityHeaders);
    const config = distributionsOf('vn')[0]?.Properties.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
  });

  it('pages are cached per query and language cookie, honouring the origin’s Cache-Control (default TTL 0)', () => {
    vn.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({
        DefaultTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['lang'] },
          HeadersConfig: { HeaderBehavior: 'none' },
        }),
      }),
    });
  });

  it('logs every distribution to the logs bucket', () => {
    for (const d of distributionsOf('vn'))
      expect(d.Properties.DistributionConfig.Logging.Bucket).toBeDefined();
  });
});
