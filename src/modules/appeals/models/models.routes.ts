import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  actorOf,
  auditRequest,
  type Platform,
  problems,
  ProblemSchema,
  Strict,
  withProblems,
} from '../../../core/index.js';
import { ActivationSchema, ModelListSchema } from './models.contract.js';
import { activeModelVersion, modelArtifactText } from './models.repository.js';
import type { ModelRegistry } from './models.service.js';

const VersionParams = Strict({ version: Type.String({ pattern: '^[\\w.-]{1,80}$' }) });

export async function modelRoutes(
  app: FastifyInstance,
  platform: Platform,
  registry: ModelRegistry,
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;

  api.get(
    '/api/appeals/models',
    {
      config: { permission: 'appeals.read' },
      schema: {
        tags: ['appeals'],
        summary: 'Model versions with their model cards (held-out evaluation)',
        response: withProblems({ 200: ModelListSchema }),
      },
    },
    async () => ({ models: await registry.list(db) }),
  );

  api.post(
    '/api/appeals/models/:version/activate',
    {
      config: { permission: 'appeals.models' },
      schema: {
        tags: ['appeals'],
        summary:
          'Activate a model version; the request must name the version it replaces, as shown side by side',
        params: VersionParams,
        body: Strict({ replacing: Type.String({ maxLength: 80 }) }),
        response: withProblems({ 200: ActivationSchema, 409: ProblemSchema }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return db.tx(async (sql) => {
        const active = await activeModelVersion(sql);
        // The admin compared the candidate with the active model; if another admin switched meanwhile, compare again.
        if ((active ?? '') !== request.body.replacing)
          throw problems.conflict(`the active model is ${active ?? 'none'}, not ${request.body.replacing}`);
        const version = request.params.version;
        if ((await modelArtifactText(sql, version)) === undefined)
          throw problems.notFound(`model ${version}`);
        if (!(await registry.usable(sql, version)))
          throw problems.conflict(
            `model ${version} was trained on features this version of the screener no longer computes: retrain it`,
          );
        await registry.activate(sql, version, actor.type === 'user' ? actor.id : null);
        await auditRequest(sql, request, {
          action: 'appeals.modelActivated',
          subjectType: 'model',
          subjectId: request.params.version,
          outcome: 'success',
          details: { replaced: active },
        });
        return { active: request.params.version, replaced: active };
      });
    },
  );
}
