/** Chinese (default) strings of employers. `i18n.en.ts` has exactly the same keys. */
export const messages = {
  employer: {
    field: {
      name: '企业名称',
      uscc: '统一社会信用代码',
      headcount: '职工人数',
      industry: '行业门类',
      address: '地址',
      street: '所在街道/乡镇/园区',
      union: '覆盖工会',
      covered: '是否建会',
      minHeadcount: '最少职工人数',
    },
    create: '新增企业',
    editTitle: '编辑企业',
    createTitle: '新增企业',
    notCovered: '未建会',
    covered: { yes: '已建会', no: '未建会' },
    searchName: '按企业名称搜索',
    pickStreet: '搜索街道/乡镇/园区总工会',
    pickUnion: '搜索覆盖该企业的工会（可不填）',
    industry: {
      A: '农、林、牧、渔业',
      B: '采矿业',
      C: '制造业',
      D: '电力、热力、燃气及水生产和供应业',
      E: '建筑业',
      F: '批发和零售业',
      G: '交通运输、仓储和邮政业',
      H: '住宿和餐饮业',
      I: '信息传输、软件和信息技术服务业',
      J: '金融业',
      K: '房地产业',
      L: '租赁和商务服务业',
      M: '科学研究和技术服务业',
      N: '水利、环境和公共设施管理业',
      O: '居民服务、修理和其他服务业',
      P: '教育',
      Q: '卫生和社会工作',
      R: '文化、体育和娱乐业',
      S: '公共管理、社会保障和社会组织',
      T: '国际组织',
    },
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    employers: typeof messages;
  }
}
