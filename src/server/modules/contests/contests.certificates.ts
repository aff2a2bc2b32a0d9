import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../auth/scope.js';
import type { Locale } from '../../../common/i18n.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/contests.errors.js';
import { dayOf } from '../../../common/beijing-time.js';
import { findCertificateFont, renderCertificates, type Certificate } from '../certificates/certificate.pdf.js';
import { getContest, listEntries } from './contests.service.js';
import { getResult } from './contests.results.service.js';

/**
 * The certificates (荣誉证书) of a contest's final result, one page per award: each ladder and criterion prize to its
 * entry (title · unit), each unit award to its unit. Printed only once the result is final — never during the notice,
 * when an appeal may still change it. The check code is the start of the frozen result's hash.
 */
export async function contestCertificates(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  o: { font: string | undefined; locale: Locale },
): Promise<{ fileName: string; pdf: Buffer }> {
  const contest = await getContest(db, actor, id);
  if (contest.status !== 'final') throw new AppError('CONTEST_WRONG_STATUS', { status: contest.status });
  const [snapshot, entries] = await Promise.all([getResult(db, actor, id), listEntries(db, actor, id)]);
  const entryOf = new Map(entries.items.map((e) => [e.id, e]));
  const unitName = new Map(entries.items.map((e) => [e.orgId, e.orgName]));
  const r = snapshot.result;
  // Dated the day the result was published, so a reprint reads the same.
  const base = {
    occasion: contest.name,
    issuer: contest.orgName,
    date: dayOf(new Date(snapshot.publishedAt)),
    checkCode: snapshot.sha256.slice(0, 12),
  };
  const awards: Omit<Certificate, 'serial'>[] = [];
  for (const tier of [...r.ladder, ...r.criterionPrizes])
    for (const entryId of tier.winners) {
      const e = entryOf.get(entryId);
      if (e) awards.push({ ...base, recipient: `${e.title} · ${e.orgName}`, award: tier.name });
    }
  for (const orgId of r.unitAward?.winners ?? [])
    awards.push({ ...base, recipient: unitName.get(orgId) ?? String(orgId), award: r.unitAward!.name });
  const certificates = awards.map((a, i) => ({ ...a, serial: `${contest.id}-${String(i + 1).padStart(3, '0')}` }));
  const pdf = await renderCertificates(certificates, { font: findCertificateFont(o.font), language: o.locale });
  return { fileName: `${contest.name}_荣誉证书.pdf`, pdf };
}
