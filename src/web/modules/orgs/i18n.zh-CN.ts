/** Chinese (default) strings of the organisation tree, organisation pages and collaboration zones (协作区). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  org: {
    menu: '组织体系',
    kind: {
      city_federation: '市总工会',
      district_federation: '区总工会',
      industry_union: '产业工会',
      street_federation: '街道/乡镇/园区总工会',
      grassroots_union: '基层工会',
      joint_union: '联合工会',
      branch: '分会',
    },
    jointType: { regional: '区域性', sectoral: '行业性' },
    jointKind: { regional: '区域性联合工会', sectoral: '行业性联合工会' },
    field: {
      name: '名称',
      kind: '类型',
      jointType: '联合工会类型',
      regionCode: '行政区划代码',
      zone: '协作区',
      childCount: '下级数',
      parent: '上级组织',
      newParent: '新的上级组织',
    },
    tabs: {
      imports: '名册导入',
      overview: '概况',
      children: '下级组织',
      employers: '企业',
      zones: '协作区',
      members: '会员',
      applications: '入会审核',
      transfers: '会籍转移',
    },
    tree: {
      title: '组织树',
      loadMore: '加载更多…',
      empty: '暂无可见组织',
      members: '{{formatted}} 人',
      filterChildren: '在 {{count}} 个下级中查找',
      noMatch: '无匹配的下级组织',
    },
    searchPlaceholder: '搜索组织名称或拼音首字母',
    noMatch: '没有匹配的组织',
    createChild: '新建下级组织',
    editTitle: '编辑组织',
    createTitle: '在“{{parent}}”下新建组织',
    move: '移动',
    moveTitle: '移动“{{name}}”',
    moveHint: '只能移到允许的上级类型下：{{kinds}}',
    moveNotAllowed: '“{{parentKind}}”下不能设立“{{kind}}”',
    moved: '已移动到“{{parent}}”',
    setZone: '划入协作区',
    setZoneTitle: '为“{{name}}”选择协作区',
    noZone: '不划入协作区',
    noChildKinds: '此类组织下不能再设立下级组织',
    leaf: '无下级组织',
    dashboard: '查看数据看板',
  },
  zone: {
    title: '协作区',
    name: '协作区名称',
    memberCount: '成员数',
    create: '新建协作区',
    empty: '尚未设立协作区',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    orgs: typeof messages;
  }
}
