import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/routes.ts';
import { acknowledge } from '../nag.ts';
import type { DeployedFunction } from './functions.ts';

export interface ApiProps {
  apiName: string;
  routes: readonly RouteDefinition[];
  handlers: ReadonlyMap<string, DeployedFunction>;
  /** Tenants' storefront origins (`https://<domain>`), the only ones CORS allows. */
  allowedOrigins: readonly string[];
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
  retainLogs: boolean;
}

/** One JSON line per request: what Logs Insights and the 5xx investigation need. */
export const accessLogFields = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  userAgent: '$context.identity.userAgent',
} as const;

/**
 * The HTTP API of a region, one route per entry of functions/routes.ts (the table the local
 * gateway dispatches from) to that entry's function, with stage throttling, JSON access logs
 * and CORS limited to the tenants' own domains.
 *
 * Only CloudFront reaches it: every route function requires the origin-verify header that
 * CloudFront adds (lib/constructs/storefront.ts). The default execute-api endpoint stays on
 * because it is CloudFront's origin: with `disableExecuteApiEndpoint` an HTTP API answers only
 * on a custom domain name, which needs an operator-owned API domain and a regional certificate
 * per region; HTTP APIs take neither resource policies nor WAF, so the header is the check.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const methods = [...new Set(props.routes.map((r) => r.method))];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: props.apiName,
      description: 'Sourcefront storefront and operator API (routes from functions/routes.ts)',
      createDefaultStage: false,
      ...(props.allowedOrigins.length > 0 && {
        corsPreflight: {
          allowOrigins: [...props.allowedOrigins],
          allowMethods: [...methods.map((m) => CorsHttpMethod[m]), CorsHttpMethod.OPTIONS],
          allowHeaders: [
            'content-type',
            'accept-language',
            'x-request-id',
            'authorization',
            'idempotency-key',
          ],
          exposeHeaders: ['x-request-id'],
          allowCredentials: true,
          maxAge: Duration.hours(1),
        },
      }),
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of props.routes) {
      const deployed = props.handlers.get(route.fn);
      if (!deployed)
        throw new Error(
          `Route ${route.method} ${route.path} names function ${route.fn}, which was not created`,
        );
      let integration = integrations.get(route.fn);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.fn}-integration`, deployed.fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
          // One invoke permission per function for this API, not one per route: a route is
          // then one resource, and the stack stays far under its budget as routes are added.
          scopePermissionToRoute: false,
        });
        integrations.set(route.fn, integration);
      }
      const [created] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
      });
      if (created) {
        acknowledge(
          created,
          'APIG4',
          'Storefront endpoints are public by design (buyers browse without signing in); tenant admin keys and signed supply webhooks are verified by the shared handler middleware, which API Gateway authorizers cannot express per tenant.',
        );
      }
    }
  }

  /** `abc123.execute-api.ap-southeast-1.amazonaws.com`, CloudFront's origin. */
  get originDomain(): string {
    return `${this.httpApi.apiId}.execute-api.${this.httpApi.stack.region}.${this.httpApi.stack.urlSuffix}`;
  }
}
