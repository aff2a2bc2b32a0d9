import { defineErrors } from './errors.js';

/** Errors of the work ledger (工作台账). */
export const ledgerErrors = defineErrors({
  LEDGER_CO_ORGANISER_INVALID: {
    status: 422,
    'zh-CN': '协办单位须是组织树中您可查看的单位，且不能是主办单位本身',
    en: 'A co-organiser must be a node of the tree you can see, other than the organising node',
  },
  LEDGER_PERIOD_INVALID: {
    status: 422,
    'zh-CN': '结束日期不能早于开始日期',
    en: 'The last day cannot be before the first day',
  },
  LEDGER_PROPOSED_ORG_INVALID: {
    status: 422,
    'zh-CN': '拟新增的单位须挂在本条台账的主办单位之下；系统不会自动创建单位，请先在组织树中建立它',
    en: 'A proposed new node must sit under the entry’s organising node; no node is created here — add it to the tree first',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    ledger: typeof ledgerErrors;
  }
}
