import type { ReportLedgerKind } from '../../../../common/ledger.report.js';

/** Words that decide a kind, most specific kind first: the first rule with a word in the text wins. */
const RULES: readonly [ReportLedgerKind, RegExp][] = [
  ['congress', /代表大会|换届|会员大会/],
  ['honours', /颁奖|表彰|劳动奖状|劳动奖章|先进集体/],
  ['tournament', /联赛|龙舟|锦标赛|邀请赛|球赛|足球|篮球|乒乓球|运动会/],
  ['contest', /竞赛|征文|比赛|大赛|评选|擂台/],
  ['innovation', /创新工作室|创新项目|技术攻关|职工创新|技术革新/],
  ['legal', /法律|普法|律师|法治|维权|劳动争议/],
  ['outreach', /沟通会|双沟通/],
  ['membership', /入会|建会|发展会员/],
  ['training', /培训|送教|开班|课程|讲座|授课|减压课|宣讲/],
  ['funds', /经费|财务/],
  ['workplan', /工作清单|重点工作|工作模式|实施方案|工作计划|工作要点/],
  ['welfare', /送清凉|慰问|送温暖|防暑降温|帮扶|爱心|困难职工|送凉/],
  ['site', /驿站|职工之家|服务站|职工书屋|落户|揭牌/],
  ['event', /活动|联谊|音乐会|健步走|朗诵|展演|读书|亲子|座谈会|文体|专线/],
];

/** The kind of an item: its headline decides when it can, else its lead, else 'other'. */
export function kindOf(headline: string, lead: string): { kind: ReportLedgerKind; because: string | null } {
  for (const text of [headline, lead]) {
    for (const [kind, words] of RULES) {
      const hit = words.exec(text);
      if (hit) return { kind, because: hit[0] };
    }
  }
  return { kind: 'other', because: null };
}
