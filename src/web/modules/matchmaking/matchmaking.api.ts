import {
  BlockList,
  BrowseList,
  Done,
  InterestResult,
  Match,
  MatchList,
  MatchRanking,
  MatchSettings,
  MatchStats,
  MyProfileAnswer,
  StaffProfile,
  TaskResult,
  WithdrawResult,
  type BrowseQuery,
  type MatchSettingsBody,
  type ProfileBody,
  type StaffViewBody,
  type TaskBody,
} from '../../../common/matchmaking.js';
import type { z } from 'zod';
import { api, withQuery } from '../../app/api.js';

const portal = (eventId: number) => `/api/portal/matchmaking/events/${eventId}`;
const ref = (profileRef: string) => ({ profileRef });

/** The member's side of matchmaking (the member session of /join/member): a 401 is an answer, not a redirect. */
export const myMatchApi = {
  profile: (eventId: number) => api.quiet('GET', `${portal(eventId)}/profile`, MyProfileAnswer),
  save: (eventId: number, body: ProfileBody) => api.put(`${portal(eventId)}/profile`, MyProfileAnswer, body),
  withdraw: (eventId: number) => api.quiet('POST', `${portal(eventId)}/profile/withdraw`, WithdrawResult, {}),
  browse: (eventId: number, query: z.input<typeof BrowseQuery>) =>
    api.quiet('GET', withQuery(`${portal(eventId)}/profiles`, query), BrowseList),
  interest: (eventId: number, profileRef: string) => api.quiet('POST', `${portal(eventId)}/interests`, InterestResult, ref(profileRef)),
  uninterest: (eventId: number, profileRef: string) => api.quiet('POST', `${portal(eventId)}/interests/withdraw`, Done, ref(profileRef)),
  block: (eventId: number, profileRef: string) => api.quiet('POST', `${portal(eventId)}/blocks`, Done, ref(profileRef)),
  blocks: (eventId: number) => api.quiet('GET', `${portal(eventId)}/blocks`, BlockList),
  unblock: (eventId: number, profileRef: string) => api.quiet('POST', `${portal(eventId)}/blocks/lift`, Done, ref(profileRef)),
  matches: (eventId: number) => api.quiet('GET', `${portal(eventId)}/matches`, MatchList),
  confirm: (eventId: number, profileRef: string) => api.quiet('POST', `${portal(eventId)}/matches/confirm`, Match, ref(profileRef)),
  task: (eventId: number, body: TaskBody) => api.quiet('POST', `${portal(eventId)}/tasks`, TaskResult, body),
};

const consoleBase = (eventId: number) => `/api/events/${eventId}/matchmaking`;

/** The cadres' console of an event's matchmaking: settings, counts, the ranking, a profile viewed with a reason. */
export const matchConsoleApi = {
  settings: (eventId: number) => api.get(`${consoleBase(eventId)}/settings`, MatchSettings),
  putSettings: (eventId: number, body: MatchSettingsBody) => api.put(`${consoleBase(eventId)}/settings`, MatchSettings, body),
  stats: (eventId: number) => api.get(`${consoleBase(eventId)}/stats`, MatchStats),
  ranking: (eventId: number, places: number) => api.get(`${consoleBase(eventId)}/ranking`, MatchRanking, { places }),
  viewProfile: (eventId: number, body: StaffViewBody) => api.post(`${consoleBase(eventId)}/profile-views`, StaffProfile, body),
};
