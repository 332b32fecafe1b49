import { CfnOutput, Duration, RemovalPolicy, type SecretValue } from 'aws-cdk-lib';
import { Certificate, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  SecurityPolicyProtocol,
  Function as ViewerFunction,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/secrets.ts';
import { acknowledge } from '../nag.ts';
import type { ConsoleSite, TenantSite } from '../regions.ts';

/**
 * The security headers CloudFront adds, one place. Pages are server-rendered and send their own
 * stricter CSP (a nonce per response for their inline islands and styles); this one covers the
 * API and the asset store, whose images are served from the site's own host under /assets/.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/**
 * API Gateway routes by its own host name, so CloudFront cannot forward the viewer's Host; this
 * viewer-request function copies it into `x-forwarded-host`, overwriting anything the viewer
 * sent, so the functions resolve the tenant from the domain the buyer typed and from nothing
 * a viewer can choose. A viewer-sent origin-verify header is dropped too (CloudFront then adds
 * the real one to the origin request).
 */
export const forwardHostFunctionCode = `function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  delete request.headers['${ORIGIN_VERIFY_HEADER}'];
  return request;
}`;

/**
 * The console distribution's viewer-request function: the viewer host forwarded as above, and
 * every path moved under the route table's `/console` (`/` → `/console`), as the local gateway
 * does for `console.localhost` (local/gateway.ts `consolePath`).
 */
export const consoleRequestFunctionCode = `function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  delete request.headers['${ORIGIN_VERIFY_HEADER}'];
  request.uri = request.uri === '/' ? '/console' : '/console' + request.uri;
  return request;
}`;

export interface StorefrontProps {
  /** e.g. `sourcefront-vn`, used in names and comments. */
  name: string;
  apiOriginDomain: string;
  /**
   * The value CloudFront adds as the origin-verify header to every request to the API: a
   * dynamic reference to the region's secret, resolved by CloudFormation at deploy time, so the
   * value is never in the template.
   */
  originVerify: SecretValue;
  tenants: readonly TenantSite[];
  /** The CloudFront-scoped web ACL (us-east-1) every distribution is associated with. */
  webAclArn: string;
  /** The certificate of a tenant: from config, else the SSM parameter the operator wrote. */
  certificateParameterName: (tenant: Pick<TenantSite, 'id'>) => string;
  /** The partner console's domain: its own distribution onto the API's `/console` routes. */
  console?: ConsoleSite;
  retain: boolean;
}

/**
 * CloudFront in front of the region: server-rendered pages and `/api/*` from the HTTP API,
 * `/assets/*` from a private S3 bucket through origin access control, the security headers on
 * every response. One distribution per tenant, with the tenant's domains and certificate (a
 * distribution has one certificate, and a separate cache per tenant means a page rendered for
 * one host is never served on another); a region with no tenants yet gets one distribution on
 * its cloudfront.net name.
 */
export class Storefront extends Construct {
  readonly assets: Bucket;
  readonly logs: Bucket;
  readonly distributions = new Map<string, Distribution>();
  /** The partner console's distribution, when the region names a console domain. */
  console?: Distribution;
  readonly securityHeaders: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: StorefrontProps) {
    super(scope, id);
    const removalPolicy = props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.logs = new Bucket(this, 'Logs', {
      // CloudFront standard logs are delivered with an ACL grant, so ACLs stay enabled here only.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy,
    });
    this.assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/assets/',
      removalPolicy,
    });

    this.securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `${props.name} storefront security headers`,
      securityHeadersBehavior: {
        // Pages send their own CSP with a nonce per response (storefront/security.ts), which must
        // stand; this policy is the one for answers that carry none (the API, /assets/*).
        contentSecurityPolicy: { contentSecurityPolicy, override: false },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
      removeHeaders: ['Server', 'X-Powered-By'],
    });

    // Pages follow the API's Cache-Control (no-store unless a page says otherwise), keyed on
    // the query and the language cookie, which select the rendered locale (pages never guess the
    // language from Accept-Language: one URL, one language).
    const pages = new CachePolicy(this, 'PagesCache', {
      comment: `${props.name} server-rendered pages: origin Cache-Control, keyed on locale inputs`,
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      cookieBehavior: CacheCookieBehavior.allowList('lang'),
      headerBehavior: CacheHeaderBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const forwardHost = new ViewerFunction(this, 'ForwardHost', {
      code: FunctionCode.fromInline(forwardHostFunctionCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Viewer Host to x-forwarded-host for tenant resolution',
    });
    const oac = new S3OriginAccessControl(this, 'AssetsAccess', {
      description: `${props.name} static assets`,
    });

    const sites: { key: string; tenant?: TenantSite }[] =
      props.tenants.length > 0
        ? props.tenants.map((tenant) => ({ key: tenant.id, tenant }))
        : [{ key: 'default' }];
    for (const site of sites) {
      const api = new HttpOrigin(props.apiOriginDomain, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
        customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.unsafeUnwrap() },
      });
      const apiBehavior = {
        origin: api,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      };
      const certificate = site.tenant ? this.certificate(site.tenant, props) : undefined;
      const distribution = new Distribution(this, `Site-${site.key}`, {
        comment: `${props.name} storefront ${site.key}`,
        ...(site.tenant && certificate && { domainNames: [...site.tenant.domains], certificate }),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        httpVersion: HttpVersion.HTTP2_AND_3,
        priceClass: PriceClass.PRICE_CLASS_200,
        webAclId: props.webAclArn,
        enableLogging: true,
        logBucket: this.logs,
        logFilePrefix: `cloudfront/${site.key}/`,
        defaultBehavior: { ...apiBehavior, cachePolicy: pages },
        additionalBehaviors: {
          '/api/*': { ...apiBehavior, cachePolicy: CachePolicy.CACHING_DISABLED },
          '/assets/*': {
            origin: S3BucketOrigin.withOriginAccessControl(this.assets, { originAccessControl: oac }),
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
            cachePolicy: CachePolicy.CACHING_OPTIMIZED,
            responseHeadersPolicy: this.securityHeaders,
            compress: true,
          },
        },
      });
      acknowledge(
        distribution,
        'CFR1',
        'No geo restriction: partner storefronts sell to business buyers wherever they are; sanctions screening happens at checkout, not at the edge.',
      );
      if (!site.tenant) {
        acknowledge(
          distribution,
          'CFR4',
          'Only a region with no tenant domain yet (dev) serves on the default cloudfront.net certificate, whose minimum protocol CloudFront fixes at TLSv1; every tenant distribution uses its own certificate with TLSv1.2_2021.',
        );
      }
      this.distributions.set(site.key, distribution);
      new CfnOutput(this, `SiteDomain-${site.key}`, {
        description: `CNAME target for ${site.tenant?.domains.join(', ') ?? 'the default site'}`,
        value: distribution.distributionDomainName,
      });
    }
    if (props.console) this.consoleDistribution(props.console, props, oac);
  }

  /**
   * The console on its own domain: every path goes to the API's `/console/…` routes, never
   * cached (every console page is about one signed-in user), with the viewer host forwarded (the
   * console answers only on `console.` hosts); `/assets/*` from the bucket (logos and previews).
   */
  private consoleDistribution(site: ConsoleSite, props: StorefrontProps, oac: S3OriginAccessControl): void {
    const consoleRequest = new ViewerFunction(this, 'ConsoleRequest', {
      code: FunctionCode.fromInline(consoleRequestFunctionCode),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Console: viewer Host to x-forwarded-host, paths under /console',
    });
    const certificate = Certificate.fromCertificateArn(
      this,
      'Certificate-console',
      site.certificateArn ??
        StringParameter.valueForStringParameter(this, props.certificateParameterName({ id: 'console' })),
    );
    const distribution = new Distribution(this, 'Console', {
      comment: `${props.name} partner console`,
      domainNames: [site.domain],
      certificate,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      webAclId: props.webAclArn,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/console/',
      defaultBehavior: {
        origin: new HttpOrigin(props.apiOriginDomain, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.unsafeUnwrap() },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: consoleRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(this.assets, { originAccessControl: oac }),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: this.securityHeaders,
          compress: true,
        },
      },
    });
    acknowledge(
      distribution,
      'CFR1',
      'No geo restriction: partners and the operator sign in from wherever they work; the console has its own sign-in and throttling.',
    );
    this.console = distribution;
    new CfnOutput(this, 'ConsoleDomain', {
      description: `CNAME target for ${site.domain}`,
      value: distribution.distributionDomainName,
    });
  }

  private certificate(tenant: TenantSite, props: StorefrontProps): ICertificate {
    const arn =
      tenant.certificateArn ??
      StringParameter.valueForStringParameter(this, props.certificateParameterName(tenant));
    return Certificate.fromCertificateArn(this, `Certificate-${tenant.id}`, arn);
  }
}
