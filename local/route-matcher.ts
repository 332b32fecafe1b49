import type { RouteDefinition } from '../functions/routes.ts';

/** What matching needs of a route. */
type Matchable = Pick<RouteDefinition, 'method' | 'path'>;

export interface RouteMatch<R extends Matchable = RouteDefinition> {
  route: R;
  pathParameters: Record<string, string>;
}

interface CompiledRoute<R> {
  route: R;
  pattern: RegExp;
  names: string[];
}

function decodeSegment(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Matches paths the way API Gateway HTTP APIs do: `{name}` is one segment, `{name+}` the rest. */
export function compileRoutes<R extends Matchable>(routes: readonly R[]) {
  const compiled: CompiledRoute<R>[] = routes.map((route) => {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)(\+?)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(param[1]!);
        return param[2] ? '(.+)' : '([^/]+)';
      })
      .join('/');
    return { route, pattern: new RegExp(`^${source}/?$`), names };
  });
  // Literal segments win over parameters, as in API Gateway: sort the most specific first.
  // A greedy `{name+}` (the storefront's not-found page) only takes what nothing else matches;
  // of two greedy routes the longer literal prefix wins (`/console/{path+}` before `/{path+}`).
  const rank = (c: CompiledRoute<R>) =>
    c.route.path.includes('+}') ? 1000 - c.route.path.split('/').length : c.names.length;
  compiled.sort((a, b) => rank(a) - rank(b));

  return {
    /**
     * The route for a method and path; `methodNotAllowed` when the path exists with other
     * methods; `malformed` when a parameter's percent-encoding is broken (`%E0%A4%A`).
     */
    match(method: string, path: string): RouteMatch<R> | 'methodNotAllowed' | 'malformed' | undefined {
      let pathExists = false;
      for (const { route, pattern, names } of compiled) {
        const m = pattern.exec(path);
        if (!m) continue;
        pathExists = true;
        if (route.method !== method) continue;
        const values = names.map((_, i) => decodeSegment(m[i + 1]!));
        if (values.some((v) => v === undefined)) return 'malformed';
        const pathParameters = Object.fromEntries(names.map((n, i) => [n, values[i]!]));
        return { route, pathParameters };
      }
      return pathExists ? 'methodNotAllowed' : undefined;
    },
  };
}
