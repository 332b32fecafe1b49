import { z } from 'zod';

/**
 * The configuration every function reads from its environment, parsed once at cold start.
 * CDK sets these from the same names (lib/ imports `configKeys`), the local platform sets
 * them before loading handlers; a missing one fails fast with its name.
 */
export const configSchema = z.object({
  TABLE_NAME: z.string().min(3),
  OFFERS_ALIAS: z.string().min(1),
  OPENSEARCH_ENDPOINT: z.url(),
  OPENSEARCH_AUTH: z.enum(['none', 'sigv4']).default('sigv4'),
  AWS_REGION: z.string().default('us-east-1'),
  /** Only locally: DynamoDB Local's address. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
});
export type Config = z.infer<typeof configSchema>;
export const configKeys = Object.keys(configSchema.shape) as (keyof Config)[];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid function configuration (${problems})`);
  }
  return result.data;
}
