/** Chinese (default) strings of check-in (签到). `i18n.en.ts` has exactly the same keys. */
export const messages = {
  checkin: {
    ticket: {
      title: '活动入场凭证',
      show: '入场时向工作人员出示此二维码',
      unavailable: '该报名暂无入场凭证（仅已确认的报名有凭证）',
      back: '返回我的活动',
    },
    scanner: {
      title: '活动签到',
      download: '下载签到名单',
      downloaded: '名单已下载：{{count}} 张有效凭证，{{cancelled}} 张已取消（{{time}}）',
      noPack: '请先在有网络时下载签到名单，之后可离线扫码',
      scan: '扫码',
      stopScan: '停止扫码',
      cameraFailed: '无法打开摄像头，请手工输入凭证码',
      code: '凭证码',
      check: '核验',
      queued: '待同步 {{count}} 条',
      sync: '同步',
      synced: '已同步 {{count}} 条：签到 {{accepted}}，重复 {{duplicate}}，离线期间已取消 {{cancelled}}，无效 {{invalid}}',
      offline: '当前离线，扫码记录保存在本机，联网后同步',
      verdict: {
        ok: '可以入场',
        duplicate: '重复扫码，不重复计数',
        cancelled: '凭证已取消',
        invalid: '无效凭证',
      },
      outcome: {
        accepted: '已签到',
        duplicate: '重复',
        cancelled_while_offline: '离线期间已取消',
        invalid: '无效',
      },
    },
  },
};

declare module '../../i18n/messages.js' {
  interface ModuleMessages {
    checkin: typeof messages;
  }
}
