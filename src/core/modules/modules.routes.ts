import type { FastifyInstance } from 'fastify';
import { hasPermission } from '../auth/actor.js';
import type { Platform } from '../platform.js';
import { moduleCatalogue } from './catalogue.js';

export async function moduleRoutes(app: FastifyInstance, platform: Omit<Platform, 'log'>): Promise<void> {
  app.get('/api/modules', {
    config: { signedIn: true },
    schema: { tags: ['platform'], summary: 'Installed modules and the navigation the caller may use' },
  }, (request) => ({
    modules: platform.modules.map((module) => ({
      id: module.id,
      name: module.name,
      nav: (module.nav ?? []).filter((item) => hasPermission(request.actor!, item.permission)),
    })),
    known: moduleCatalogue,
  }));
}
