import { describe, expect, it } from 'vitest';
import { cdkJsonContext } from '../../lib/build-app.ts';
import {
  edgeStackName,
  MAX_TENANTS_PER_REGION,
  parseRegions,
  REGIONS_CONTEXT_KEY,
  stackName,
} from '../../lib/regions.ts';
import { devRegion, synthApp } from './kit.ts';

const cdkRegions = cdkJsonContext()[REGIONS_CONTEXT_KEY] as Record<string, Record<string, unknown>>;
const app = synthApp({ extraRegions: { th: { ...devRegion, region: 'ap-southeast-7' } } });
const assembly = app.app.synth();

describe('regions from cdk.json context', () => {
  it('configures vn in ap-southeast-1 and kr in ap-northeast-2, each with stage, domains, alarm e-mail and sizing', () => {
    const regions = parseRegions(cdkRegions);
    const byKey = Object.fromEntries(regions.map((r) => [r.key, r]));
    expect(byKey.vn?.region).toBe('ap-southeast-1');
    expect(byKey.kr?.region).toBe('ap-northeast-2');
    for (const region of regions) {
      expect(region.alarmEmail).toContain('@');
      expect(region.tenants.flatMap((t) => t.domains).length).toBeGreaterThan(0);
      expect(region.sizing.search.dataNodes).toBeGreaterThan(0);
    }
  });

  it('synthesizes one template per region, and a region added to the context adds a stack with no code change', () => {
    const names = assembly.stacks.map((s) => s.stackName).sort();
    const keys = [...Object.keys(cdkRegions), 'th'];
    expect(names).toEqual(
      [...keys.map((key) => stackName({ key })), ...keys.map((key) => edgeStackName({ key }))].sort(),
    );
    const th = assembly.getStackByName('Sourcefront-th');
    expect(th.environment.region).toBe('ap-southeast-7');
    // Its CloudFront web ACL lives in us-east-1, deployed before the region stack that uses it.
    const thEdge = assembly.getStackByName('Sourcefront-th-edge');
    expect(thEdge.environment.region).toBe('us-east-1');
    expect(th.dependencies.map((d) => d.id)).toContain('Sourcefront-th-edge');
    expect(Object.keys(th.template.Resources).length).toBeGreaterThan(20);
  });

  it('puts each stack in its own region with its own name, so deploying one never touches another', () => {
    for (const [key, config] of Object.entries(cdkRegions)) {
      const stack = assembly.getStackByName(stackName({ key }));
      expect(stack.environment.region).toBe(config.region);
      expect(stack.stackName).toBe(`Sourcefront-${key}`);
    }
  });

  it('needs no credentials or lookups: no context was looked up during synth', () => {
    expect(assembly.manifest.missing ?? []).toEqual([]);
  });

  it('refuses production sizing without zone awareness or dedicated masters', () => {
    expect(() =>
      parseRegions({
        xx: {
          ...cdkRegions.vn,
          sizing: { profile: 'production', search: { availabilityZones: 1, dataNodes: 1 } },
        },
      }),
    ).toThrow(/zone awareness/);
  });

  it('refuses more tenants than one region stack can give an origin-verify header (60 dynamic references), one fewer with a console', () => {
    const tenants = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `t${i}x`, domains: [`shop${i}.example.vn`] }));
    const { console: _console, ...withoutConsole } = cdkRegions.vn!;
    expect(
      parseRegions({ vn: { ...withoutConsole, tenants: tenants(MAX_TENANTS_PER_REGION) } }),
    ).toHaveLength(1);
    expect(() =>
      parseRegions({ vn: { ...withoutConsole, tenants: tenants(MAX_TENANTS_PER_REGION + 1) } }),
    ).toThrow(/at most 58 tenant distributions/);
    // The console's distribution holds a reference too.
    expect(
      parseRegions({ vn: { ...cdkRegions.vn, tenants: tenants(MAX_TENANTS_PER_REGION - 1) } }),
    ).toHaveLength(1);
    expect(() =>
      parseRegions({ vn: { ...cdkRegions.vn, tenants: tenants(MAX_TENANTS_PER_REGION) } }),
    ).toThrow(/at most 57 tenant distributions/);
  });

  it('refuses a domain configured twice and names the bad field of an invalid region', () => {
    expect(() => parseRegions({ a1: cdkRegions.vn, b1: cdkRegions.vn })).toThrow(/configured twice/);
    expect(() => parseRegions({ vn: { ...cdkRegions.vn, alarmEmail: 'nobody' } })).toThrow(/vn\.alarmEmail/);
  });
});
