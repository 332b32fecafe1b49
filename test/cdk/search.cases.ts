import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { OFFERS_INDEX_SCHEMA_VERSION } from '../../adapters/opensearch/offers-index.ts';
import { sizingProfiles } from '../../lib/regions.ts';
import { OPENSEARCH_VERSION } from '../../project.ts';
import { devRegion, logicalId, synthApp } from './kit.ts';

const app = synthApp({ extraRegions: { dv: devRegion } });
const prod = app.template('vn');
const dev = app.template('dv');
const vn = app.stacks.get('vn')!;

type Statement = {
  Effect: string;
  Principal: { AWS: unknown };
  Action: string[] | string;
  Resource: unknown;
};
const [domain] = Object.values(prod.findResources('AWS::OpenSearchService::Domain'));
const accessStatements = domain?.Properties.AccessPolicies.Statement as Statement[];

describe('search construct: the OpenSearch domain', () => {
  it('runs the engine line of the local node', () => {
    const [major, minor] = OPENSEARCH_VERSION.split('.');
    prod.hasResourceProperties('AWS::OpenSearchService::Domain', {
      EngineVersion: `OpenSearch_${major}.${minor}`,
    });
    dev.hasResourceProperties('AWS::OpenSearchService::Domain', {
      EngineVersion: `OpenSearch_${major}.${minor}`,
    });
  });

  it('encrypts at rest and between nodes, HTTPS only with TLS 1.2, slow and app logs on', () => {
    for (const t of [prod, dev]) {
      t.hasResourceProperties('AWS::OpenSearchService::Domain', {
        EncryptionAtRestOptions: { Enabled: true },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
        LogPublishingOptions: {
          SEARCH_SLOW_LOGS: Match.objectLike({ Enabled: true }),
          INDEX_SLOW_LOGS: Match.objectLike({ Enabled: true }),
          ES_APPLICATION_LOGS: Match.objectLike({ Enabled: true }),
        },
      });
    }
  });

  it('production sizing: zone awareness and dedicated masters', () => {
    const p = sizingProfiles.production.search;
    prod.hasResourceProperties('AWS::OpenSearchService::Domain', {
      ClusterConfig: Match.objectLike({
        InstanceCount: p.dataNodes,
        InstanceType: p.dataNodeType,
        ZoneAwarenessEnabled: true,
        ZoneAwarenessConfig: { AvailabilityZoneCount: p.availabilityZones },
        DedicatedMasterEnabled: true,
        DedicatedMasterCount: p.dedicatedMasters.count,
        DedicatedMasterType: p.dedicatedMasters.type,
      }),
    });
  });

  it('dev sizing: a single small node, no masters, no zone awareness', () => {
    dev.hasResourceProperties('AWS::OpenSearchService::Domain', {
      ClusterConfig: Match.objectLike({
        InstanceCount: 1,
        InstanceType: sizingProfiles.dev.search.dataNodeType,
        ZoneAwarenessEnabled: false,
        DedicatedMasterEnabled: false,
      }),
    });
  });

  it('access policy: only the roles granted search access, never an anonymous principal', () => {
    expect(accessStatements.length).toBeGreaterThan(0);
    const principals = accessStatements.flatMap((s) => [s.Principal.AWS].flat());
    expect(principals).not.toContain('*');
    for (const s of accessStatements) expect(s.Effect).toBe('Allow');
    const granted = new Set(
      principals.map((p) => (p as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0]),
    );
    const expected = new Set(
      vn.functions
        .all()
        .filter((f) => f.access.search !== 'none')
        .map((f) => logicalId(vn, f.fn.role!)),
    );
    expected.add(logicalId(vn, vn.search.node.findChild('IndexBootstrap').node.findChild('Role')));
    expect(granted).toEqual(expected);
  });

  it('read-only roles may POST only to search endpoints; writers get every method', () => {
    const posts = accessStatements.filter((s) => [s.Action].flat().includes('es:ESHttpPost'));
    const readPost = posts.find((s) => ![s.Action].flat().includes('es:ESHttpPut'));
    const hasReaders = vn.functions.all().some((f) => f.access.search === 'read');
    expect(Boolean(readPost)).toBe(hasReaders);
    if (readPost) {
      for (const resource of [readPost.Resource].flat()) {
        expect(JSON.stringify(resource)).toMatch(/_(m?search|count)"/);
      }
    }
    const write = accessStatements.find((s) => [s.Action].flat().includes('es:ESHttpDelete'));
    expect(write).toBeDefined();
  });

  it('creates the offers index and alias with a custom resource answered by the bootstrap function', () => {
    const bootstrap = vn.search.node.findChild('IndexBootstrap').node.findChild('Function');
    prod.hasResourceProperties('Custom::OffersIndex', {
      ServiceToken: { 'Fn::GetAtt': [logicalId(vn, bootstrap), 'Arn'] },
      Alias: 'offers',
      SchemaVersion: String(OFFERS_INDEX_SCHEMA_VERSION),
      Replicas: '1',
      Endpoint: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.anyValue(), 'DomainEndpoint'] }]] },
    });
  });

  it('asks for one index replica across zones and none on a single dev node', () => {
    dev.hasResourceProperties('Custom::OffersIndex', { Replicas: '0' });
  });

  it('keeps the domain when the stack goes, except in dev', () => {
    prod.hasResource('AWS::OpenSearchService::Domain', { DeletionPolicy: 'Retain' });
    dev.hasResource('AWS::OpenSearchService::Domain', { DeletionPolicy: 'Delete' });
  });
});
