import type { ContestDetail, ContestResult, Criterion, Sheet } from '../../../common/contests.js';

/** The four criteria of seed 004 (题材内容 30, 表现形式 30, 选手素质 20, 现场发挥 20). */
export const poetryCriteria: Criterion[] = [
  { id: 11, name: '题材内容', weight: 1, maxScore: 30, decimals: 1, tieBreakRank: 1 },
  { id: 12, name: '表现形式', weight: 1, maxScore: 30, decimals: 2, tieBreakRank: 2 },
  { id: 13, name: '选手素质', weight: 0.5, maxScore: 20, decimals: 2, tieBreakRank: null },
  { id: 14, name: '现场发挥', weight: 2, maxScore: 20, decimals: 0, tieBreakRank: null },
];

export function buildSheet(overrides: Partial<Sheet> = {}): Sheet {
  return {
    assignmentId: 501,
    contestId: 3,
    entryId: 71,
    title: '节目01',
    status: 'draft',
    criteria: poetryCriteria,
    scores: {},
    amendments: [],
    ...overrides,
  };
}

export function buildContest(overrides: Partial<ContestDetail> = {}): ContestDetail {
  return {
    id: 3,
    orgId: 1,
    orgName: '东城区总工会',
    eventId: null,
    name: '诗歌朗诵比赛',
    status: 'judging',
    normalisation: 'none',
    balancedDesign: null,
    panelSize: 5,
    showcaseSize: 2,
    noticeDays: 7,
    noticeEndsAt: null,
    criteria: poetryCriteria,
    tiers: [
      { id: 21, kind: 'ladder', name: '最佳表演奖', quota: 1, criterionId: null, unitRule: null },
      { id: 22, kind: 'ladder', name: '优秀表演奖', quota: 2, criterionId: null, unitRule: null },
    ],
    entries: 2,
    judges: 5,
    assignments: 10,
    submittedSheets: 10,
    ...overrides,
  };
}

export function buildResult(overrides: Partial<ContestResult> = {}): ContestResult {
  return {
    contestId: 3,
    rule: { normalisation: 'none', balance: 'complete', trimmedEntries: 2, plainMeanEntries: 0 },
    summary: {
      'zh-CN': '2 个作品评委不少于 5 人，去掉一个最高分和一个最低分后取平均；未做评委标准化',
      en: '2 entries with 5 or more judges: trimmed mean; no normalisation',
    },
    ranking: [
      { entryId: 71, rank: 1, score: '88.50', decidedByChief: false },
      { entryId: 72, rank: 2, score: '80.25', decidedByChief: false },
    ],
    ladder: [
      { tierId: 21, name: '最佳表演奖', quota: 1, winners: [71], shortfall: 0 },
      { tierId: 22, name: '优秀表演奖', quota: 2, winners: [72], shortfall: 1 },
    ],
    criterionPrizes: [],
    unitAward: null,
    showcase: [71, 72],
    ...overrides,
  };
}
