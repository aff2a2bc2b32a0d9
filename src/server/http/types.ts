import type { Locale } from '../../common/i18n.js';
import type { Actor } from '../auth/scope.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    locale: Locale;
  }
}
