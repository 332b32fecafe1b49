import { describe, expect, it } from 'vitest';
import { functionEntry } from '../../functions/functions.ts';
import { type FunctionName, type RouteDefinition, routes } from '../../functions/routes.ts';
import { cdkJsonContext } from '../../lib/build-app.ts';
import { parseRegions, REGIONS_CONTEXT_KEY } from '../../lib/regions.ts';
import { devRegion, synthApp, syntheticEntry } from './kit.ts';

/** DESIGN.md §10: each region stack ≤ 400 resources; CloudFormation refuses a stack past 500. */
const REGION_BUDGET = 400;
const CLOUDFORMATION_LIMIT = 500;

const resourceCount = (app: ReturnType<typeof synthApp>, key: string) =>
  Object.keys(app.template(key).toJSON().Resources).length;

/**
 * The wave ahead (cart, checkout, buyer accounts, partner admin, supply webhooks, storefront
 * pages, console) as a table: 60 routes over 7 functions. Each entry copies a real route (so it
 * keeps whatever the route contract declares) under a new path; the functions the project does
 * not have yet bundle the tiny synthetic entry.
 */
const existing = [...new Set(routes.map((r) => r.fn))];
// Functions still to come (the partner console, operations), on top of today's five.
const wave = ['console', 'operations'] as unknown as FunctionName[];
const waveFunctions = [...existing, ...wave];
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const syntheticRoutes: RouteDefinition[] = Array.from({ length: 60 }, (_, i) => ({
  ...routes[i % routes.length]!,
  method: methods[i % methods.length]!,
  path: `/api/v1/wave/${waveFunctions[i % waveFunctions.length]}/r${i}`,
  fn: waveFunctions[i % waveFunctions.length]!,
}));

const current = synthApp({ extraRegions: { dv: devRegion } });
const regions = parseRegions({
  ...(cdkJsonContext()[REGIONS_CONTEXT_KEY] as Record<string, unknown>),
  dv: devRegion,
});
const synthetic = synthApp({
  extraRegions: { dv: devRegion },
  routes: syntheticRoutes,
  functionEntry: (fn) => (wave.includes(fn) ? syntheticEntry : functionEntry(fn)),
});

// The same 60 routes laid out as before issue 13, one function per route.
const perRoute = synthApp({
  routes: syntheticRoutes.map((r, i) => ({ ...r, fn: `route-${i}` as unknown as FunctionName })),
  functionEntry: () => syntheticEntry,
});

describe('resource budget per region stack', () => {
  it(`every region stack has at most ${REGION_BUDGET} resources (counts printed)`, () => {
    const counts = Object.fromEntries(regions.map((r) => [r.key, resourceCount(current, r.key)]));
    console.log(
      `resources per region stack (${routes.length} routes, ${existing.length} route functions): ${JSON.stringify(counts)}`,
    );
    for (const [key, count] of Object.entries(counts)) expect(count, key).toBeLessThanOrEqual(REGION_BUDGET);
  });

  it(`with the wave's 60 routes over 7 functions a region stack stays under ${CLOUDFORMATION_LIMIT}`, () => {
    const vn = synthetic.stacks.get('vn')!;
    expect(new Set(syntheticRoutes.map((r) => r.fn)).size).toBe(7);
    expect(vn.functions.routeHandlers.size).toBe(7);
    const apiRoutes = synthetic.template('vn').findResources('AWS::ApiGatewayV2::Route');
    expect(Object.keys(apiRoutes)).toHaveLength(60);
    const counts = Object.fromEntries(regions.map((r) => [r.key, resourceCount(synthetic, r.key)]));
    console.log(`resources per region stack with the synthetic 60-route table: ${JSON.stringify(counts)}`);
    for (const [key, count] of Object.entries(counts)) expect(count, key).toBeLessThan(CLOUDFORMATION_LIMIT);
  });

  it('the count is what CloudFormation refuses: the same 60 routes with one function each cannot even synthesize', () => {
    let refusal = '';
    try {
      perRoute.template('vn');
    } catch (error) {
      refusal = (error as Error).message;
    }
    console.log(`one function per synthetic route: ${refusal.slice(0, 90)}`);
    expect(refusal).toMatch(
      /Number of resources in stack 'Sourcefront-vn': \d+ is greater than allowed maximum of 500/,
    );
  });
});
