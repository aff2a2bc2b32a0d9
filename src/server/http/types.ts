import type { Locale } from '../../common/i18n.js';
import type { Actor } from '../auth/scope.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Background roster imports of this app (tests await `idle()`). */
    importQueue: import('../modules/imports/imports.service.js').ImportQueue;
    deps: import('../deps.js').Deps;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    locale: Locale;
  }
}
