import type { FastifyInstance, FastifySchema } from 'fastify';
import type { WorkspaceRole } from '../../core/auth/schemas.js';

/** Who may call a route: anyone, any signed-in workspace user, or a workspace owner/admin. */
export type Access = 'public' | 'user' | 'admin';
const ACCESS_LEVELS: readonly Access[] = ['public', 'user', 'admin'];

export type Auth = {
  userId: string;
  workspaceId: string;
  role: WorkspaceRole;
  via: 'session' | 'token';
  sessionId: string | null;
};

/** One line of the app's route table (tests generate their checks from it). */
export type RouteEntry = { method: string; url: string; access: Access; schema: FastifySchema | undefined };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Routes that plugins add (docs, static files) and the access they get. */
const PLUGIN_ROUTES: { prefix: string; access: Access }[] = [
  { prefix: '/api/docs', access: 'public' },
  { prefix: '/assets/', access: 'public' },
];

/** Makes the app refuse to start when a route does not declare its access level. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    let access = (route.config as { access?: Access } | undefined)?.access;
    if (!access || !ACCESS_LEVELS.includes(access)) {
      const plugin = PLUGIN_ROUTES.find((p) => route.url.startsWith(p.prefix));
      if (!plugin || access)
        throw new Error(`route ${String(route.method)} ${route.url} does not declare its access level (config.access)`);
      access = plugin.access;
      route.config = { ...(route.config ?? {}), access };
    }
    for (const method of [route.method].flat()) app.routeTable.push({ method, url: route.url, access, schema: route.schema });
  });
}

export const isAdminRole = (role: WorkspaceRole): boolean => role === 'owner' || role === 'admin';
