import { describe, expect, it } from 'vitest';
import { routeKey, routes } from '../../functions/routes.ts';
import { cdkJsonContext } from '../../lib/build-app.ts';
import { parseRegions, REGIONS_CONTEXT_KEY } from '../../lib/regions.ts';
import { logicalId, synthApp } from './kit.ts';

const app = synthApp();
const regions = parseRegions(cdkJsonContext()[REGIONS_CONTEXT_KEY]);

describe('api construct: the HTTP API from the route table', () => {
  for (const region of regions) {
    const template = app.template(region.key);
    const stack = app.stacks.get(region.key)!;

    it(`${region.key}: every route of functions/routes.ts, each to its bounded context's function`, () => {
      const apiRoutes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      expect(apiRoutes.map((r) => r.Properties.RouteKey).sort()).toEqual(
        routes.map((r) => routeKey(r)).sort(),
      );
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
      for (const route of routes) {
        const apiRoute = apiRoutes.find((r) => r.Properties.RouteKey === routeKey(route))!;
        const target = JSON.stringify(apiRoute.Properties.Target);
        const [integrationId] = Object.keys(integrations).filter((id) => target.includes(id));
        const integration = integrations[integrationId!]!;
        const fn = stack.functions.routeHandlers.get(route.fn)!.fn;
        expect(integration.Properties.IntegrationUri).toEqual({
          'Fn::GetAtt': [logicalId(stack, fn), 'Arn'],
        });
        expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
      }
    });

    it(`${region.key}: each route function may be invoked by this API, through one permission, not one per route`, () => {
      const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
        (p) => p.Properties.Principal === 'apigateway.amazonaws.com',
      );
      const apiId = logicalId(stack, stack.api.httpApi);
      for (const [, deployed] of stack.functions.routeHandlers) {
        const fnId = logicalId(stack, deployed.fn);
        const own = permissions.filter((p) => JSON.stringify(p.Properties.FunctionName).includes(fnId));
        expect(own, fnId).toHaveLength(1);
        const source = JSON.stringify(own[0]!.Properties.SourceArn);
        expect(source).toContain(apiId);
        expect(source).toContain('/*/*/*');
      }
      expect(permissions).toHaveLength(stack.functions.routeHandlers.size);
    });

    it(`${region.key}: the default stage throttles per the region's sizing and writes JSON access logs`, () => {
      const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
      expect(stage?.Properties.StageName).toBe('$default');
      expect(stage?.Properties.AutoDeploy).toBe(true);
      expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
        ThrottlingRateLimit: region.sizing.api.rateLimit,
        ThrottlingBurstLimit: region.sizing.api.burstLimit,
      });
      expect(stage?.Properties.AccessLogSettings.DestinationArn).toEqual({
        'Fn::GetAtt': [logicalId(stack, stack.api.accessLogs), 'Arn'],
      });
      const format = JSON.parse(stage?.Properties.AccessLogSettings.Format);
      expect(format).toMatchObject({ status: '$context.status', routeKey: '$context.routeKey' });
    });

    it(`${region.key}: CORS allows only the tenants' own https origins`, () => {
      const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api'));
      const origins = region.tenants.flatMap((t) => t.domains.map((d) => `https://${d}`));
      expect(api?.Properties.CorsConfiguration.AllowOrigins).toEqual(origins);
      expect(api?.Properties.CorsConfiguration.AllowOrigins).not.toContain('*');
    });
  }
});
