/** A day in Beijing time (公示截止日 and the like), whatever the browser's zone. */
export const beijingDay = (iso: string): string => new Date(iso).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** A minute in Beijing time. */
export const beijingMinute = (iso: string): string =>
  new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);
