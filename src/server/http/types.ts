import type { Locale } from '../../common/i18n.js';
import type { Actor } from '../auth/scope.js';
import type { MemberPrincipal } from '../auth/member-session.js';
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
    /** A worker signed in on the member pages (its own cookie; never a cadre). */
    member: MemberPrincipal | undefined;
    locale: Locale;
  }
}
