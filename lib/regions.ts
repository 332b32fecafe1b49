import * as z from 'zod';

/**
 * The regions Sourcefront runs in, read from cdk.json context (`sourcefront:regions`). One
 * entry is one stack; adding an entry adds a region with no code change. Everything here is
 * plain data, so synth needs no AWS credentials and does no lookups.
 */
export const REGIONS_CONTEXT_KEY = 'sourcefront:regions';

const domainName = z
  .string()
  .regex(/^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lower-case DNS name');

/** A partner storefront's public domains and the us-east-1 certificate CloudFront serves them with. */
export const tenantSiteSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
  domains: z.array(domainName).min(1),
  /**
   * ACM certificate in us-east-1 covering every domain. When absent, the stack reads the ARN at
   * deploy time from the SSM parameter `certificateParameterName(region, tenant)` in the stack's
   * region, so no account-specific ARN has to live in the repository.
   */
  certificateArn: z
    .string()
    .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, 'an ACM certificate ARN in us-east-1')
    .optional(),
});
export type TenantSite = z.infer<typeof tenantSiteSchema>;

/** The partner console's domain in a region (`console.<…>`: the console answers only on such a host) and its certificate. */
export const consoleSiteSchema = z.object({
  domain: domainName.regex(/^console\./, 'a domain starting with console.'),
  /** ACM certificate in us-east-1; absent, read from the SSM parameter of the tenant id `console`. */
  certificateArn: tenantSiteSchema.shape.certificateArn,
});
export type ConsoleSite = z.infer<typeof consoleSiteSchema>;

/** OpenSearch domain sizing. Production requires zone awareness and dedicated masters. */
export const searchSizingSchema = z.object({
  dataNodes: z.int().min(1),
  dataNodeType: z.string().endsWith('.search'),
  volumeGb: z.int().min(10),
  availabilityZones: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  dedicatedMasters: z
    .object({ count: z.union([z.literal(3), z.literal(5)]), type: z.string().endsWith('.search') })
    .optional(),
});
export type SearchSizing = z.infer<typeof searchSizingSchema>;

export const sizingSchema = z.object({
  search: searchSizingSchema,
  /** HTTP API stage throttling (requests per second, steady and burst). */
  api: z.object({ rateLimit: z.int().min(1), burstLimit: z.int().min(1) }),
  /** Log retention for functions, the API and the search domain. */
  logRetentionDays: z.int().min(1),
  /** The web ACL in front of every distribution: requests one client IP may make per 5 minutes. */
  edge: z.object({ requestsPerIpPer5Minutes: z.int().min(10).max(2_000_000_000) }),
});
export type Sizing = z.infer<typeof sizingSchema>;

/** Named sizing profiles; a region picks one and may override parts of it. */
export const sizingProfiles = {
  dev: {
    search: { dataNodes: 1, dataNodeType: 't3.medium.search', volumeGb: 10, availabilityZones: 1 },
    api: { rateLimit: 50, burstLimit: 100 },
    logRetentionDays: 14,
    edge: { requestsPerIpPer5Minutes: 1000 },
  },
  production: {
    search: {
      dataNodes: 2,
      dataNodeType: 'r7g.large.search',
      volumeGb: 100,
      availabilityZones: 2,
      dedicatedMasters: { count: 3, type: 'm7g.large.search' },
    },
    api: { rateLimit: 500, burstLimit: 1000 },
    logRetentionDays: 90,
    // A buyer's page view is ~10 requests (page, API, assets), and business buyers often share
    // one office IP: 3000 per 5 minutes is ~10 requests/s sustained from one address.
    edge: { requestsPerIpPer5Minutes: 3000 },
  },
} as const satisfies Record<string, Sizing>;
export type SizingProfile = keyof typeof sizingProfiles;

const regionInputSchema = z.object({
  /** The AWS region, e.g. ap-southeast-1. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  stage: z.enum(['dev', 'staging', 'prod']),
  alarmEmail: z.email(),
  /** The platform's mail sender in the region (an SES-verified identity): sites without a contact address send from it. */
  mailFrom: z.email(),
  sizing: z.object({
    profile: z.enum(Object.keys(sizingProfiles) as [SizingProfile, ...SizingProfile[]]),
    search: searchSizingSchema.partial().optional(),
    api: sizingSchema.shape.api.partial().optional(),
    logRetentionDays: z.int().min(1).optional(),
    edge: sizingSchema.shape.edge.partial().optional(),
  }),
  tenants: z.array(tenantSiteSchema).default([]),
  /** Where partners and the operator reach the console; absent, the region deploys no console distribution. */
  console: consoleSiteSchema.optional(),
  /**
   * The version of the origin-verify secret CloudFront sends (README, Regions: origin-verify
   * rotation). Absent, CloudFront sends the version that is AWSCURRENT at deploy time.
   */
  originVerifyVersionId: z
    .string()
    .regex(/^[A-Za-z0-9-]{32,64}$/, 'a Secrets Manager VersionId')
    .optional(),
});

export interface RegionConfig {
  /** Short key used in names: `vn`, `kr`. */
  key: string;
  region: string;
  stage: 'dev' | 'staging' | 'prod';
  alarmEmail: string;
  mailFrom: string;
  sizing: Sizing;
  tenants: TenantSite[];
  console?: ConsoleSite;
  originVerifyVersionId?: string;
}

const regionKey = z.string().regex(/^[a-z][a-z0-9]{1,9}$/, 'a short lower-case key such as vn');

/** Parses and checks the context; every problem names the region and field. */
export function parseRegions(context: unknown): RegionConfig[] {
  const parsed = z.record(regionKey, regionInputSchema).safeParse(context);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid "${REGIONS_CONTEXT_KEY}" context in cdk.json (${problems})`);
  }
  const regions = Object.entries(parsed.data).map(([key, input]): RegionConfig => {
    const profile = sizingProfiles[input.sizing.profile];
    const sizing = sizingSchema.parse({
      search: { ...profile.search, ...input.sizing.search },
      api: { ...profile.api, ...input.sizing.api },
      logRetentionDays: input.sizing.logRetentionDays ?? profile.logRetentionDays,
      edge: { ...profile.edge, ...input.sizing.edge },
    });
    const config = {
      key,
      region: input.region,
      stage: input.stage,
      alarmEmail: input.alarmEmail,
      mailFrom: input.mailFrom,
      sizing,
      tenants: input.tenants,
      ...(input.console && { console: input.console }),
      ...(input.originVerifyVersionId && { originVerifyVersionId: input.originVerifyVersionId }),
    };
    checkRegion(config);
    return config;
  });
  if (regions.length === 0) throw new Error(`"${REGIONS_CONTEXT_KEY}" in cdk.json lists no region`);
  const domains = regions.flatMap((r) => r.tenants.flatMap((t) => t.domains));
  const repeated = domains.find((d, i) => domains.indexOf(d) !== i);
  if (repeated)
    throw new Error(`Domain ${repeated} is configured twice; a domain belongs to one tenant in one region`);
  return regions;
}

/**
 * CloudFormation resolves at most 60 dynamic references per template; each tenant distribution
 * holds one (its origin-verify header) and the web ACL's cross-region reference one more.
 */
export const MAX_TENANTS_PER_REGION = 58;

function checkRegion(config: RegionConfig): void {
  const search = config.sizing.search;
  const where = `region ${config.key}`;
  if (config.stage === 'prod' && (search.availabilityZones < 2 || !search.dedicatedMasters)) {
    throw new Error(`${where}: production needs search zone awareness (2+ zones) and dedicated masters`);
  }
  if (search.dataNodes % search.availabilityZones !== 0) {
    throw new Error(
      `${where}: ${search.dataNodes} search data nodes cannot spread evenly over ${search.availabilityZones} zones`,
    );
  }
  // The console's distribution holds an origin-verify reference too.
  const maxTenants = MAX_TENANTS_PER_REGION - (config.console ? 1 : 0);
  if (config.tenants.length > maxTenants) {
    throw new Error(
      `${where}: ${config.tenants.length} tenants, but a region stack holds at most ${maxTenants} tenant distributions (CloudFormation's 60 dynamic references per template)`,
    );
  }
  const ids = config.tenants.map((t) => t.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`${where}: tenant ${repeated} is listed twice`);
}

/** The stack of a region: `Sourcefront-vn`. Deploying one never touches another. */
export function stackName(config: Pick<RegionConfig, 'key'>): string {
  return `Sourcefront-${config.key}`;
}

/** CloudFront-scoped resources (the web ACL) exist only in us-east-1. */
export const EDGE_REGION = 'us-east-1';

/** A region's companion stack in us-east-1: `Sourcefront-vn-edge`. */
export function edgeStackName(config: Pick<RegionConfig, 'key'>): string {
  return `${stackName(config)}-edge`;
}

/** Where the operator stores a tenant's us-east-1 certificate ARN (in the stack's region). */
export function certificateParameterName(
  config: Pick<RegionConfig, 'key'>,
  tenant: Pick<TenantSite, 'id'>,
): string {
  return `/sourcefront/${config.key}/tenants/${tenant.id}/certificate-arn`;
}

/** Stage-dependent defaults: outside dev, data outlives the stack. */
export function isDev(config: Pick<RegionConfig, 'stage'>): boolean {
  return config.stage === 'dev';
}
