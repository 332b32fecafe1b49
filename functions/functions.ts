import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionAccess } from './contract.ts';
import { type Access, type FunctionName, type RouteDefinition, routes } from './routes.ts';

const functionsDir = fileURLToPath(new URL('.', import.meta.url));

/** `functions/apps/<fn>.ts`, the Lambda entry of a bounded context. */
export function functionEntry(fn: FunctionName): string {
  return join(functionsDir, 'apps', `${fn}.ts`);
}

/** `functions/jobs/<handler>.ts`, the entry of a background function. */
export function jobEntry(handler: string): string {
  return join(functionsDir, 'jobs', `${handler}.ts`);
}

export type { FunctionAccess };

const order: Record<Access, number> = { none: 0, read: 1, write: 2 };
const widest = (a: Access, b: Access): Access => (order[a] >= order[b] ? a : b);

export interface RouteFunction {
  fn: FunctionName;
  /** The union of its routes' access: what CDK grants the function. */
  access: FunctionAccess;
  memoryMb: number;
  routeKeys: string[];
}

/** The functions a route table asks for, each with the union of its routes' access and the largest memory. */
export function routeFunctions(table: readonly RouteDefinition[] = routes): RouteFunction[] {
  const byName = new Map<FunctionName, RouteFunction>();
  for (const route of table) {
    const seen = byName.get(route.fn);
    const key = `${route.method} ${route.path}`;
    if (!seen) {
      byName.set(route.fn, {
        fn: route.fn,
        access: { ...route.access, secrets: [...(route.access.secrets ?? [])] },
        memoryMb: route.memoryMb ?? 256,
        routeKeys: [key],
      });
      continue;
    }
    seen.access = {
      table: widest(seen.access.table, route.access.table),
      search: widest(seen.access.search, route.access.search),
      secrets: [...new Set([...(seen.access.secrets ?? []), ...(route.access.secrets ?? [])])],
      ...((seen.access.mail ?? route.access.mail) && { mail: 'send' as const }),
      ...((seen.access.assets ?? route.access.assets) && { assets: 'write' as const }),
      ...((seen.access.tenantSecrets ?? route.access.tenantSecrets) && {
        tenantSecrets: widest(seen.access.tenantSecrets ?? 'none', route.access.tenantSecrets ?? 'none') as
          | 'read'
          | 'write',
      }),
      ...((seen.access.nativeModules ?? route.access.nativeModules) && {
        nativeModules: [
          ...new Set([...(seen.access.nativeModules ?? []), ...(route.access.nativeModules ?? [])]),
        ],
      }),
    };
    seen.memoryMb = Math.max(seen.memoryMb, route.memoryMb ?? 256);
    seen.routeKeys.push(key);
  }
  return [...byName.values()];
}

/** The memory a function runs with, as CDK configures it. */
export function functionMemoryMb(fn: FunctionName): number {
  tableFunctions ??= routeFunctions();
  return tableFunctions.find((f) => f.fn === fn)?.memoryMb ?? 256;
}
/** The table's functions, computed once (the local gateway asks on every request). */
let tableFunctions: RouteFunction[] | undefined;
