/** Chinese (default) strings of roster imports (名册导入). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  imports: {
    menu: '名册导入',
    todo: '近 30 天导入失败的名册',
    title: '名册导入',
    template: '下载名册模板',
    templateHint: '请使用固定列模板（姓名、身份证号、手机号、性别、用工形式、所在单位、入会日期），下拉选项已内置。',
    dragger: '点击或拖拽名册文件到此处上传',
    draggerHint: '支持 .xlsx 或 .csv，单个文件不超过 {{maxMb}} MB；身份证号请以文本格式保存',
    wrongType: '只接受 .xlsx 或 .csv 文件',
    tooLarge: '文件超过 {{maxMb}} MB 上限',
    notCovering: '名册只能导入到基层工会、联合工会或分会。请在组织树中选择一个基层工会。',
    noWrite: '您没有导入会员的权限，只能查看导入记录。',
    uploading: '正在上传…',
    progress: '导入进度',
    rowsRead: '已处理 {{count}} 行',
    imported: '已导入',
    rejected: '错误行',
    duplicates: '重复',
    elsewhere: '其他工会会员',
    elsewhereHint: '{{count}} 行是其他工会的会员：未导入，也未自动发起转移。',
    elsewhereShow: '查看名单',
    elsewhereRequest: '一键申请转入',
    transfersRequested: '已发起 {{requested}} 项会籍转移（跳过 {{skipped}} 项），待会员本人同意及原工会确认',
    row: '行号',
    downloadErrors: '下载错误行',
    errorsHint: '错误行文件保留上传时的各列，并在最后加一列“错误原因”；改正后可再次导入。',
    failed: '导入失败',
    done: '导入完成',
    history: '导入记录',
    historyEmpty: '暂无导入记录',
    fileName: '文件名',
    statusLabel: '状态',
    status: { queued: '排队中', running: '导入中', done: '已完成', failed: '失败' },
    createdAt: '上传时间',
    finishedAt: '完成时间',
    attached: '{{count}} 名已在本工会、尚未关联企业的会员已归入名册所列企业。',
    unknownEmployers: '所在单位不在本工会覆盖的企业中',
    unknownHeld:
      '{{count}} 行的所在单位不是本工会覆盖的企业：这些行暂未导入（见错误行文件），以免入会率失真。新建企业后，重新导入同一文件即可归入该企业。',
    unknownImported: '本工会尚未登记覆盖的企业：以下单位的会员已导入，但未关联企业。请新建企业，以便计算入会率。',
    unknownName: '所在单位（名册原文）',
    unknownRows: '行数',
    createEmployer: '新建企业',
    employerCreated: '已新建',
    another: '再导入一个文件',
  },
} as const;

// Registers these strings with the typed `t()` of every page (see src/web/i18n/messages.ts).
declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    imports: typeof messages;
  }
}
