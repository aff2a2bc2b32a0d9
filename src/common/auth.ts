import { z } from 'zod';

/** Roles are granted on an organisation and reach down its subtree only (never up or sideways). */
/**
 * `cashier` is a narrow role: granted on the node that registered a merchant, it reaches that merchant's counter only
 * (the merchant is named by `merchant_cashier`), never the node's members.
 * `judge` and `referee` are narrow roles too: granted on the node that runs a contest or a tournament, they reach only
 * the contests a `contest_judge` row names (and there only the entries assigned to them) and the tournaments a
 * `tournament_referee` row names — never the node's members or its other records.
 */
export const roles = ['federation_admin', 'union_cadre', 'finance_officer', 'auditor', 'read_only', 'cashier', 'judge', 'referee'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'org.read',
  'org.write',
  'employer.read',
  'employer.write',
  'coverage.read',
  'coverage.rebuild',
  'user.read',
  'user.write',
  'audit.read',
  'member.read',
  'member.write',
  'member.reveal',
  'member.export',
  /** The text-message outbox (federation admins at the root only). */
  'message.read',
  /** Points programmes, their ledgers and merchants (积分). */
  'points.read',
  'points.write',
  /** Charging a member's points at a merchant's counter, and checking a welfare voucher there. */
  'points.redeem',
  /** Welfare campaigns (慰问 / 夏送清凉 / 送温暖): stock, hand-outs, vouchers, reconciliation. */
  'welfare.read',
  'welfare.write',
  /** Events (活动): sessions, sign-ups, waitlists. */
  'event.read',
  'event.write',
  /** Training (送教 / 培训): plans, courses, teachers, sessions, attendance and its coverage. */
  'training.read',
  'training.write',
  /** Contests (竞赛评比): entries, criteria, judge panels, awards, results and their notice period. */
  'contest.read',
  'contest.write',
  /** Scoring the entries assigned to oneself (the judge's score sheets). */
  'contest.judge',
  /** Tournaments (赛事): teams, fixtures, heats, standings, brackets. */
  'tournament.read',
  'tournament.write',
  /** Entering results of the matches and heats one is named on (confirmed by the organiser). */
  'tournament.referee',
  /** The work ledger (工作台账): a node's entries by year and kind, its roll-up and Excel export. */
  'ledger.read',
  'ledger.write',
] as const;
export type Action = (typeof actions)[number];

const readAll: Action[] = [
  'org.read',
  'employer.read',
  'coverage.read',
  'member.read',
  'points.read',
  'welfare.read',
  'event.read',
  'training.read',
  'contest.read',
  'tournament.read',
  'ledger.read',
];

/** What each role may do, within the subtree it was granted on. */
export const rolePermissions: Record<Role, readonly Action[]> = {
  federation_admin: actions,
  union_cadre: [
    ...readAll,
    'org.write',
    'employer.write',
    'user.read',
    'member.write',
    'member.reveal',
    'member.export',
    'points.write',
    'welfare.write',
    'event.write',
    'training.write',
    'contest.write',
    'tournament.write',
    'ledger.write',
  ],
  finance_officer: readAll,
  auditor: [...readAll, 'audit.read', 'user.read'],
  read_only: readAll,
  cashier: ['points.redeem'],
  judge: ['contest.judge'],
  referee: ['tournament.referee'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return rolePermissions[role].includes(action);
}

export const USERNAME_PATTERN = /^[a-z0-9_.-]{3,40}$/;
export const PASSWORD_MIN_LENGTH = 10;

export const LoginBody = z.object({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const Grant = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  role: z.enum(roles),
});
export type Grant = z.infer<typeof Grant>;

export const Me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(Grant),
  permissions: z.array(z.enum(actions)),
  /** A generated first password is still in use: nothing but changing it (and me/logout) is allowed. */
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;
