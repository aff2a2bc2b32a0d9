import type { Match, MatchRetention, MyProfile, SeenProfile } from '../../../common/matchmaking.js';

/** My saved profile: marital history given with its consent and shown; income never given. */
export const myProfile: MyProfile = {
  profileRef: '1-10',
  eventId: 5,
  nickname: '小燕',
  birthYear: 1995,
  heightCm: 165,
  education: 'bachelor',
  hometown: '北京',
  hobbies: '跑步',
  selfIntro: null,
  photoUrl: null,
  maritalHistory: 'never',
  incomeRange: null,
  visible: ['birthYear', 'maritalHistory'],
  consents: [{ field: 'maritalHistory', textVersion: 'pipl-2026-12', consentedAt: '2026-12-01T02:00:00Z' }],
};

/** Another participant as I see them: only what they show, and my own interest. */
export const seen = (ref: string, nickname: string, interested = false): SeenProfile => ({
  profileRef: ref,
  nickname,
  hobbies: '读书',
  interested,
});

export const match = (ref: string, nickname: string, over: Partial<Match> = {}): Match => ({
  profileRef: ref,
  nickname,
  confirmedByMe: false,
  contact: null,
  ...over,
});

/** The event's retention: 30 days after its last session (19 Dec 2026, 18:00 Beijing), deleted on 18 Jan 2027. */
export const retention: MatchRetention = { retentionDays: 30, lastSessionEndsAt: '2026-12-19T10:00:00.000Z', deleteOn: '2027-01-18' };
