import type { TFunction } from 'i18next';
import type { Match } from '../../../common/tournaments.js';

/** A group's letter: group 1 is A组. */
export const groupName = (group: number): string => String.fromCharCode(64 + group);

type Side = Match['home'];

/** A side as the bracket shows it: the team once known, else where it comes from ("A组第1", "第3场胜者", 轮空). */
export function sideText(side: Side, t: TFunction): string {
  if (side.name) return side.name;
  const [kind, a, b] = (side.source ?? '').split(':');
  if (kind === 'bye') return t('tournaments.source.bye');
  if (kind === 'winner') return t('tournaments.source.winner', { no: a });
  if (kind === 'rank') return t('tournaments.source.rank', { group: groupName(Number(a)), rank: b });
  return t('tournaments.tbd');
}

/** "2:1", with 加时 and 点球 when played; empty without a result. */
export function scoreText(m: Match, t: TFunction): string {
  const r = m.result;
  if (!r || r.status === 'voided') return '';
  const parts = [`${r.regular.home}:${r.regular.away}`];
  if (r.extraTime) parts.push(t('tournaments.score.extraTime', r.extraTime));
  if (r.penalties) parts.push(t('tournaments.score.penalties', r.penalties));
  return parts.join(' · ');
}

/** The kickoff in Beijing time (2026-05-01 09:30), or empty. */
export function kickoffText(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
}

/** 62 345 ms → "1:02.35". */
export function timeText(ms: number | null): string {
  if (ms === null) return '';
  const minutes = Math.floor(ms / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(2).padStart(5, '0');
  return `${minutes}:${seconds}`;
}

/** "1:02.35" (or "62.35") → 62 350 ms; null when it is not a time. */
export function parseTime(text: string): number | null {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}(?:\.\d{1,3})?)\s*$/.exec(text);
  if (!m) return null;
  const ms = Math.round((Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000);
  return ms > 0 ? ms : null;
}
