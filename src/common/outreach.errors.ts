import { defineErrors } from './errors.js';

/** Errors of the outreach module (employers to organise, outreach meetings). */
export const outreachErrors = defineErrors({
  MEETING_PARENT_INVALID: {
    status: 422,
    'zh-CN': '主会场须是同类、同级或上级工会的沟通会，且本身不是分会场',
    en: 'A main venue must be a meeting of the same kind, held by this union or a parent, and not itself a sub-venue',
  },
  STAGE_NEEDS_UNION: {
    status: 422,
    'zh-CN': '“已建会”须先为该企业指定覆盖它的工会',
    en: 'Set the union that covers the employer before marking it established',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    outreach: typeof outreachErrors;
  }
}
