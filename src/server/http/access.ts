import type { FastifyInstance } from 'fastify';
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

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** Routes that plugins add (docs, static files) and the access they get. */
const PLUGIN_ROUTES: { prefix: string; access: Access }[] = [
  { prefix: '/api/docs', access: 'public' },
  { prefix: '/assets/', access: 'public' },
];

/** Makes the app refuse to start when a route does not declare its access level. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const declared = (route.config as { access?: Access } | undefined)?.access;
    if (declared && ACCESS_LEVELS.includes(declared)) return;
    const plugin = PLUGIN_ROUTES.find((p) => route.url.startsWith(p.prefix));
    if (plugin && !declared) {
      route.config = { ...(route.config ?? {}), access: plugin.access };
      return;
    }
    throw new Error(`route ${String(route.method)} ${route.url} does not declare its access level (config.access)`);
  });
}

export const isAdminRole = (role: WorkspaceRole): boolean => role === 'owner' || role === 'admin';
