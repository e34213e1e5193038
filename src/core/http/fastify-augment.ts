import type { Actor } from '../auth/actor.js';
import type { Locale } from '../i18n/i18n.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Permission the route requires. Routes without one are refused at start-up unless `public` or `signedIn`. */
    permission?: string;
    /** Open to anyone (health, sign-in, docs). */
    public?: boolean;
    /** Any signed-in user or API key. */
    signedIn?: boolean;
    /** The route answers with a stream that does not end (Server-Sent Events). */
    stream?: boolean;
    /** The body array whose items the route checks one by one (itemChecker), refusing a bad item alone. */
    batchOf?: string;
  }
  interface FastifyInstance {
    /** Registers a third-party plugin whose routes cannot declare access themselves: all of them are public. */
    registerPublic(register: () => Promise<unknown>): Promise<void>;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    locale: Locale;
    /** CSRF token of the cookie session; undefined for API keys and anonymous requests. */
    csrfToken: string | undefined;
  }
}

export {};
