import type { Handler } from './http';

export type ApiVersionFamily =
  /** ARM's own resources (subscriptions, resource groups): InvalidApiVersionParameter. */
  | 'arm'
  /** Resource-provider types: NoRegisteredProviderFound. */
  | 'provider'
  /** No api-version (token endpoints, Graph, admin). */
  | 'none';

export interface RouteOptions {
  auth: 'arm' | 'graph' | 'none';
  apiVersions?: readonly string[];
  family?: ApiVersionFamily;
  /** Resource type named in api-version and authorization messages, e.g. `galleries`. */
  typeName?: string;
  /** RBAC action reported in AuthorizationFailed, e.g. `Microsoft.Compute/galleries/read`. */
  action?: string;
  /** The route's `{resourceGroupName}` is the resource itself, not a container that must exist. */
  resourceGroupIsTarget?: boolean;
}

export interface Route extends RouteOptions {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  handler: Handler;
}

/**
 * Compiles `/subscriptions/{subscriptionId}/...` into a case-insensitive regex.
 * `{*scope}` matches several segments (role assignments live under any scope).
 */
export function compile(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const body = template
    .split('/')
    .map((seg) => {
      const greedy = /^\{\*(\w+)\}$/.exec(seg);
      if (greedy) {
        names.push(greedy[1]);
        return '(.*)';
      }
      const param = /^\{(\w+)\}$/.exec(seg);
      if (param) {
        names.push(param[1]);
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { regex: new RegExp(`^${body}/?$`, 'i'), names };
}

export class Router {
  readonly routes: Route[] = [];

  add(method: string, template: string, options: RouteOptions, handler: Handler): void {
    const { regex, names } = compile(template);
    this.routes.push({ ...options, method: method.toUpperCase(), template, regex, names, handler });
  }

  /** First route whose path and method match; `pathOnly` tells a 405 from a 404. */
  match(method: string, path: string): { route?: Route; params: Record<string, string>; pathOnly: boolean } {
    let pathOnly = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method.toUpperCase()) {
        pathOnly = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((n, i) => (params[n] = m[i + 1]));
      return { route, params, pathOnly };
    }
    return { params: {}, pathOnly };
  }
}
