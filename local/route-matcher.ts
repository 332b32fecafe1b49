import type { RouteDefinition } from '../functions/routes.ts';

export interface RouteMatch {
  route: RouteDefinition;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/** Matches paths the way API Gateway HTTP APIs do: `{name}` is one segment, `{name+}` the rest. */
export function compileRoutes(routes: readonly RouteDefinition[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
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
  compiled.sort((a, b) => a.names.length - b.names.length);

  return {
    /** The route for a method and path; `methodNotAllowed` when the path exists with other methods. */
    match(method: string, path: string): RouteMatch | 'methodNotAllowed' | undefined {
      let pathExists = false;
      for (const { route, pattern, names } of compiled) {
        const m = pattern.exec(path);
        if (!m) continue;
        pathExists = true;
        if (route.method !== method) continue;
        const pathParameters = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        return { route, pathParameters };
      }
      return pathExists ? 'methodNotAllowed' : undefined;
    },
  };
}
