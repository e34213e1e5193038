import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/db.js';
import { SIGNATURE_HEADER, verifySignature } from '../webhooks/signature.js';
import { subscriptionSecretsOf } from '../webhooks/webhooks.repository.js';

/**
 * Stands in for the state bodies' servers in the demo world, so deliveries succeed and can be watched in the
 * dashboard. It checks signatures exactly as a real receiver should. Never mounted in production.
 */
export async function demoReceiverRoutes(app: FastifyInstance, db: Db): Promise<void> {
  // The signature covers the exact bytes sent, so this route keeps the body as text.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 1_048_576 },
    (request, body, done) => {
      done(null, body);
    },
  );
  app.post(
    '/api/demo/webhook-receiver/:agencyId',
    { config: { public: true }, schema: { hide: true } },
    async (request, reply) => {
      const { agencyId } = request.params as { agencyId: string };
      const body = request.body as string;
      const header = request.headers[SIGNATURE_HEADER];
      const secrets = await subscriptionSecretsOf(db, agencyId);
      const valid =
        typeof header === 'string' && secrets.some((secret) => verifySignature(secret, body, header));
      return reply.code(valid ? 204 : 401).send();
    },
  );
}
