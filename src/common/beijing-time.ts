/** Days and months are Beijing's: one ends at midnight in Beijing, whatever the server's or browser's zone. */
const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const minuteFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 'YYYY-MM' of an instant in Beijing. */
export function monthOf(at: Date): string {
  return monthFormat.format(at).slice(0, 7);
}

/** 'YYYY-MM-DD' of an instant in Beijing. */
export function dayOf(at: Date): string {
  return dayFormat.format(at);
}

/** 'YYYY-MM-DD HH:mm' of an instant in Beijing, for messages that name a time people read. */
export function minuteOf(at: Date): string {
  return minuteFormat.format(at);
}
