import {
  consentFields,
  visibleFields,
  type ConsentField,
  type ProfileFields,
  type SeenProfile,
  type VisibleField,
} from '../../../common/matchmaking.js';

/**
 * The pure rules of matchmaking (联谊, issue #14): how a profile is named, what of it others see, which sensitive
 * fields lack consent, and the points ranking that selects people for an offline session.
 */

export type ProfileKey = { regionId: number; id: number };

export const profileRefOf = (p: { region_id: number; id: number }): string => `${p.region_id}-${p.id}`;

export function parseProfileRef(ref: string): ProfileKey {
  const [region, id] = ref.split('-');
  return { regionId: Number(region), id: Number(id) };
}

/** The sensitive fields given a value without a consent given for them in the same request. */
export function fieldsLackingConsent(fields: ProfileFields, consents: readonly { field: ConsentField }[]): ConsentField[] {
  const given = new Set(consents.map((c) => c.field));
  return consentFields.filter((f) => fields[f] !== undefined && fields[f] !== null && !given.has(f));
}

/** The visibility list kept: known fields once each, and a sensitive field only when it is stored (consented). */
export function keptVisible(visible: readonly VisibleField[], fields: ProfileFields): VisibleField[] {
  const wanted = new Set(visible);
  return visibleFields.filter((f) => wanted.has(f) && fields[f] !== undefined && fields[f] !== null);
}

/** Another person's profile as a member sees it: the nickname and the fields its owner made visible, nothing else. */
export function seenBy(fields: ProfileFields, visible: readonly string[], ref: string, interested: boolean): SeenProfile {
  const shown: Partial<ProfileFields> = {};
  const open = new Set(visible);
  for (const f of visibleFields) {
    const value = fields[f];
    if (open.has(f) && value !== undefined && value !== null) Object.assign(shown, { [f]: value });
  }
  return { ...shown, profileRef: ref, nickname: fields.nickname, interested };
}

export type RankingRow = { registrationId: number; earned: number; signedUpAt: string };

/**
 * The points ranking of the participants (积分排行): more points earned in the event's online tasks first, then the
 * earlier sign-up, then the lower registration id; the first `places` are selected for the offline session.
 */
export function rankParticipants<T extends RankingRow>(rows: readonly T[], places: number): (T & { rank: number; selected: boolean })[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.earned - a.earned ||
        (a.signedUpAt < b.signedUpAt ? -1 : a.signedUpAt > b.signedUpAt ? 1 : 0) ||
        a.registrationId - b.registrationId,
    )
    .map((r, i) => ({ ...r, rank: i + 1, selected: i < places }));
}

/** When an event's matchmaking data is to be purged: `retentionDays` after the end of its last session. */
export function purgeDueAt(lastSessionEndsAt: Date, retentionDays: number): Date {
  return new Date(lastSessionEndsAt.getTime() + retentionDays * 86_400_000);
}
