import { defineErrors } from './errors.js';

/** Errors of the employers module. */
export const employerErrors = defineErrors({
  USCC_TAKEN: { status: 409, 'zh-CN': '统一社会信用代码“{code}”已登记', en: 'Unified social credit code "{code}" is already registered' },
  EMPLOYER_UNION_KIND: {
    status: 422,
    'zh-CN': '企业只能由基层工会、联合工会或分会覆盖',
    en: 'Only a grassroots union, joint union or branch can cover an employer',
  },
  EMPLOYER_STREET_KIND: {
    status: 422,
    'zh-CN': '企业所在地必须是街道、乡镇或园区工会',
    en: 'An employer must be located in a street, township or park federation',
  },
});

declare module './errors.js' {
  interface ErrorCatalogs {
    employers: typeof employerErrors;
  }
}
