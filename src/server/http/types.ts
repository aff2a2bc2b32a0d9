import type { Locale } from '../../common/i18n.js';
import type { Actor } from '../auth/scope.js';
import type { MemberPrincipal } from '../auth/member-session.js';
import type { RefusalRecorder } from '../audit/audit.refusals.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Aggregates refused requests before they reach the audit log; `flush()` writes pending summaries. */
    auditRefusals: RefusalRecorder;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    /** A worker signed in on the member pages (its own cookie; never a cadre). */
    member: MemberPrincipal | undefined;
    locale: Locale;
  }
}
