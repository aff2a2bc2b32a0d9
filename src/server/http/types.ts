import type { Locale } from '../../common/i18n.js';
import type { Actor } from '../auth/scope.js';
import type { ImportQueue } from '../modules/imports/imports.service.js';
import type { Deps } from '../deps.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Background roster imports of this app (tests await `idle()`). */
    importQueue: ImportQueue;
    deps: Deps;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    locale: Locale;
  }
}
