import type { Id, Timestamp } from '../../db/schema.js';
import type { ConsentField, Education, MatchTask } from '../../../common/matchmaking.js';

/** Matchmaking settings of one event (0053). */
export type MatchmakingSettingTable = {
  event_id: number;
  enabled: boolean;
  retention_days: number;
  daily_interest_limit: number;
  updated_at: Timestamp;
};

/** One member's opt-in profile for one event; the sensitive fields sealed in `sensitive_enc`. */
export type MatchmakingProfileTable = {
  region_id: number;
  id: Id;
  event_id: number;
  member_id: number;
  org_path: string;
  nickname: string;
  birth_year: number | null;
  height_cm: number | null;
  education: Education | null;
  hometown: string | null;
  hobbies: string | null;
  self_intro: string | null;
  photo_url: string | null;
  sensitive_enc: string | null;
  visible: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type MatchmakingConsentTable = {
  region_id: number;
  id: Id;
  profile_id: number;
  field: ConsentField;
  text_version: string;
  consented_at: Timestamp;
};

export type MatchmakingInterestTable = {
  region_id: number;
  profile_id: number;
  event_id: number;
  to_region_id: number;
  to_profile_id: number;
  created_at: Timestamp;
};

export type MatchmakingInterestDayTable = {
  region_id: number;
  profile_id: number;
  day: string;
  used: number;
  day_limit: number;
};

export type MatchmakingBlockTable = {
  region_id: number;
  profile_id: number;
  event_id: number;
  blocked_region_id: number;
  blocked_profile_id: number;
  created_at: Timestamp;
};

export type MatchmakingContactConfirmTable = {
  region_id: number;
  profile_id: number;
  other_region_id: number;
  other_profile_id: number;
  confirmed_at: Timestamp;
};

export type MatchmakingTaskDoneTable = {
  region_id: number;
  event_id: number;
  member_id: number;
  task: MatchTask;
  day: string;
  points: number;
  created_at: Timestamp;
};

export type MatchmakingWithdrawalTable = {
  id: Id;
  event_id: number;
  kind: 'self' | 'retention';
  profiles: number;
  created_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    matchmaking_setting: MatchmakingSettingTable;
    matchmaking_profile: MatchmakingProfileTable;
    matchmaking_consent: MatchmakingConsentTable;
    matchmaking_interest: MatchmakingInterestTable;
    matchmaking_interest_day: MatchmakingInterestDayTable;
    matchmaking_block: MatchmakingBlockTable;
    matchmaking_contact_confirm: MatchmakingContactConfirmTable;
    matchmaking_task_done: MatchmakingTaskDoneTable;
    matchmaking_withdrawal: MatchmakingWithdrawalTable;
  }
}
