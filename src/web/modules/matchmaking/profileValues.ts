import {
  consentFields,
  visibleFields,
  type ConsentField,
  type MyProfile,
  type ProfileBody,
  type ProfileFields,
  type VisibleField,
} from '../../../common/matchmaking.js';

/** The version of the consent text shown (kept with each consent given). */
// pipl-2026-12b: the text states the event's own retention days (it said "at most 365 days" before).
export const CONSENT_TEXT_VERSION = 'pipl-2026-12b';

/** The profile form's values: the fields, one "others can see this" switch per field, one consent box per sensitive field. */
export type ProfileValues = ProfileFields & { show: Record<VisibleField, boolean>; consent: Record<ConsentField, boolean> };

const flags = <K extends string>(keys: readonly K[], on: (k: K) => boolean) =>
  Object.fromEntries(keys.map((k) => [k, on(k)])) as Record<K, boolean>;

/** The form's starting values: my saved profile, or an empty one with everything hidden and nothing consented. */
export function valuesOf(profile: MyProfile | null): ProfileValues {
  const consented = new Set(profile?.consents.map((c) => c.field));
  const shown = new Set(profile?.visible);
  return {
    nickname: profile?.nickname ?? '',
    birthYear: profile?.birthYear ?? null,
    heightCm: profile?.heightCm ?? null,
    education: profile?.education ?? null,
    hometown: profile?.hometown ?? '',
    hobbies: profile?.hobbies ?? '',
    selfIntro: profile?.selfIntro ?? '',
    photoUrl: profile?.photoUrl ?? '',
    maritalHistory: profile?.maritalHistory ?? null,
    incomeRange: profile?.incomeRange ?? null,
    show: flags(visibleFields, (f) => shown.has(f)),
    consent: flags(consentFields, (f) => consented.has(f)),
  };
}

const orNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/**
 * What is sent: a sensitive field only while its consent box is ticked (unticking withdraws the consent and deletes
 * the value), its consent with it; a field shown only when it has a value.
 */
export function bodyOf(values: ProfileValues): ProfileBody {
  const kept = <F extends ConsentField>(f: F): ProfileFields[F] | null => (values.consent[f] ? (values[f] ?? null) : null);
  const fields: ProfileFields = {
    nickname: values.nickname.trim(),
    birthYear: values.birthYear ?? null,
    heightCm: values.heightCm ?? null,
    education: values.education ?? null,
    hometown: orNull(values.hometown),
    hobbies: orNull(values.hobbies),
    selfIntro: orNull(values.selfIntro),
    photoUrl: orNull(values.photoUrl),
    maritalHistory: kept('maritalHistory'),
    incomeRange: kept('incomeRange'),
  };
  return {
    ...fields,
    visible: visibleFields.filter((f) => values.show[f] && fields[f] !== null && fields[f] !== undefined),
    consents: consentFields.filter((f) => fields[f] !== null).map((field) => ({ field, textVersion: CONSENT_TEXT_VERSION })),
  };
}
