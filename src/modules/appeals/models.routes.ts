import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { auditRequest, type Platform, problems, Strict } from '../../core/index.js';
import type { ModelRegistry } from './model-registry.js';

const VersionParams = Strict({ version: Type.String({ pattern: '^[\\w.-]{1,80}$' }) });

export async function modelRoutes(app: FastifyInstance, platform: Platform, registry: ModelRegistry): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get('/api/appeals/models', {
    config: { permission: 'appeals.read' },
    schema: { tags: ['appeals'], summary: 'Model versions with their model cards (held-out evaluation)' },
  }, async () => ({
    models: (await registry.list(db)).map((row) => ({ version: row.version, active: row.active, createdAt: new Date(row.created_at).toISOString(), activatedAt: row.activated_at ? new Date(row.activated_at).toISOString() : null, card: row.card })),
  }));

  api.post('/api/appeals/models/:version/activate', {
    config: { permission: 'appeals.models' },
    schema: {
      tags: ['appeals'],
      summary: 'Activate a model version; the request must name the version it replaces, as shown side by side',
      params: VersionParams,
      body: Strict({ replacing: Type.String({ maxLength: 80 }) }),
    },
  }, async (request) => {
    return db.tx(async (sql) => {
      const [active] = await sql.query<{ version: string }>('select version from appeal_models where active');
      // The admin compared the candidate with the active model; if another admin switched meanwhile, compare again.
      if ((active?.version ?? '') !== request.body.replacing) throw problems.conflict(`the active model is ${active?.version ?? 'none'}, not ${request.body.replacing}`);
      if (!(await registry.activate(sql, request.params.version, request.actor!.type === 'user' ? request.actor!.id : null))) throw problems.notFound(`model ${request.params.version}`);
      await auditRequest(sql, request, { action: 'appeals.modelActivated', subjectType: 'model', subjectId: request.params.version, outcome: 'success', details: { replaced: active?.version ?? null } });
      return { active: request.params.version, replaced: active?.version ?? null };
    });
  });
}
