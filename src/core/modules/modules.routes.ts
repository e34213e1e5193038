import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../auth/actor.js';
import { actorOf } from '../http/access.js';
import type { Platform } from '../platform.js';
import { ModulesSchema } from './modules.contract.js';

/**
 * The installed modules and the navigation the caller may use. An alert from a module not installed here (raised
 * by an integration or another deployment) is shown with its module id.
 */
export async function moduleRoutes(app: FastifyInstance, platform: Omit<Platform, 'log'>): Promise<void> {
  app.get(
    '/api/modules',
    {
      config: { signedIn: true },
      schema: {
        tags: ['platform'],
        summary: 'Installed modules and the navigation the caller may use',
        response: { 200: ModulesSchema },
      },
    },
    (request) => {
      const actor = actorOf(request);
      return {
        modules: platform.modules.map((module) => ({
          id: module.id,
          name: module.name,
          nav: (module.nav ?? []).filter((item) => hasPermission(actor, item.permission)),
        })),
      };
    },
  );
}
