/**
 * A judge scores on a phone (issue #14, 竞赛评比): the organiser sets up a small recital through the API — two entries
 * of one district, a judge from another district (回避 holds) — the judge signs in at 375 px, changes the first
 * password, opens 我的评审, scores an entry criterion by criterion (the weighted total live), saves a draft, submits
 * after the confirmation, amends one score with a reason; the organiser then computes the result on the laptop, which
 * says which rule ran, closes the judging and freezes it with its hash.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ContestDetail, CreatedJudge, MyContests } from '../src/common/contests.js';
import {
  ADMIN_PASSWORD,
  hasChromium,
  json,
  signIn,
  signInApi,
  signInFirstTime,
  useJourney,
  DESKTOP,
  SMALL_PHONE,
  shot,
} from './harness.js';

const JUDGE_PASSWORD = 'Judge-Recital-2026';

describe.skipIf(!hasChromium)('contests: a judge scores on a phone', () => {
  const journey = useJourney();

  it('scores, submits after confirming, amends with a reason; the organiser sees which rule ran and the frozen hash', async () => {
    const { app, browser } = journey;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    try {
      const admin = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(admin);
      await signInApi(admin.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const api = admin.request;
      const base = app.baseUrl;
      type Items = { items: { id: number }[] };
      const root = (await json<Items>(api.get(`${base}/api/orgs/roots`))).items[0]!.id;
      const [districtA, districtB] = (await json<Items>(api.get(`${base}/api/orgs/${root}/children?limit=50`))).items;
      const units = (await json<Items>(api.get(`${base}/api/orgs/${districtA!.id}/children?limit=50`))).items.slice(0, 2);
      expect(units).toHaveLength(2);
      const contest = await json<ContestDetail>(
        api.post(`${base}/api/contests`, {
          data: {
            orgId: root,
            name: '职工诗歌朗诵比赛',
            panelSize: 1,
            showcaseSize: 1,
            criteria: [
              { name: '题材内容', weight: 1, maxScore: 30, decimals: 1, tieBreakRank: 1 },
              { name: '现场发挥', weight: 2, maxScore: 20, decimals: 0 },
            ],
            tiers: [{ kind: 'ladder', name: '最佳表演奖', quota: 1 }],
          },
        }),
      );
      await json(api.post(`${base}/api/contests/${contest.id}/open`, { data: {} }));
      for (const [i, unit] of units.entries())
        await json(
          api.post(`${base}/api/contests/${contest.id}/entries`, {
            data: { orgId: unit.id, title: `节目0${i + 1}`, performers: [{ name: '张三' }] },
          }),
        );
      const judge = await json<CreatedJudge>(
        api.post(`${base}/api/contests/${contest.id}/judges`, {
          data: { username: 'judge.recital', displayName: '王评委', orgId: districtB!.id, isChief: true },
        }),
      );
      await json(api.post(`${base}/api/contests/${contest.id}/assignments`, { data: {} }));
      await json(api.post(`${base}/api/contests/${contest.id}/judging`, { data: {} }));

      // 1. The judge on a phone: first password changed, then 我的评审 with the two entries to do.
      const phoneContext = await browser.newContext({
        viewport: SMALL_PHONE,
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      contexts.push(phoneContext);
      const phone = await phoneContext.newPage();
      phone.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await signInFirstTime(phone, base, judge.username, judge.firstPassword, JUDGE_PASSWORD);
      await phone.goto(`${base}/judging`);
      const list = phone.getByTestId('judge-entries');
      await list.getByText('节目01').waitFor();
      await shot(phone, 'c01-judge-entries');
      const mine = await json<MyContests>(phoneContext.request.get(`${base}/api/judging/contests`));
      const first = mine.items[0]!.assignments.find((a) => a.title === '节目01')!;
      await phone.getByTestId(`judge-entry-${first.assignmentId}`).getByRole('link').click();
      await phone.getByTestId('score-sheet').waitFor();
      const [content, live] = contest.criteria;
      await phone.getByTestId(`score-input-${content!.id}`).fill('31');
      await phone.getByTestId(`score-problem-${content!.id}`).waitFor();
      await phone.getByTestId(`score-input-${content!.id}`).fill('27.5');
      await phone.getByTestId(`score-input-${live!.id}`).fill('18');
      await phone.getByTestId('sheet-total').getByText('63.50').waitFor(); // 27.5 + 18 × 2
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(SMALL_PHONE.width);
      await shot(phone, 'c02-score-sheet', true);
      await phone.getByTestId('sheet-save').click();
      await phone.getByText('草稿已保存').waitFor();
      await phone.getByTestId('sheet-submit').click();
      await phone.getByTestId('sheet-confirm-text').waitFor();
      await shot(phone, 'c03-confirm');
      await phone.getByTestId('sheet-confirm').click();
      await phone.getByTestId(`sheet-amend-${live!.id}`).waitFor();
      // 2. An amendment needs a reason; with one it is kept on the sheet.
      await phone.getByTestId(`sheet-amend-${live!.id}`).click();
      await phone.getByTestId('amend-score').fill('17');
      await phone.getByTestId('amend-ok').click();
      await phone.getByText('请填写修改理由').waitFor();
      await phone.getByTestId('amend-reason').fill('录入时看错行');
      await phone.getByTestId('amend-ok').click();
      await phone.getByTestId('sheet-amendments').getByText('录入时看错行', { exact: false }).waitFor();
      await phone.getByTestId('sheet-total').getByText('61.50').waitFor();
      await shot(phone, 'c04-amended', true);
      // The second entry, straight to submission.
      const second = mine.items[0]!.assignments.find((a) => a.title === '节目02')!;
      await phone.getByTestId('sheet-back').click();
      await phone.getByTestId(`judge-entry-${second.assignmentId}`).getByRole('link').click();
      await phone.getByTestId(`score-input-${content!.id}`).fill('25');
      await phone.getByTestId(`score-input-${live!.id}`).fill('16');
      await phone.getByTestId('sheet-submit').click();
      // As for the first entry: the confirmation shown before it is confirmed.
      await phone.getByTestId('sheet-confirm-text').waitFor();
      await phone.getByTestId('sheet-confirm').click();
      await phone.getByTestId(`sheet-amend-${live!.id}`).waitFor();

      // 3. The organiser on the laptop: compute, the rule in words, close, freeze with a hash.
      const deskContext = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(deskContext);
      const desk = await deskContext.newPage();
      desk.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await signIn(desk, base);
      await desk.goto(`${base}/contests/${contest.id}`);
      await desk.getByTestId('contest-tab-progress').click();
      await desk.getByTestId('progress-total').getByText('已提交 2 / 2 份评分表').waitFor();
      await desk.getByTestId('contest-tab-results').click();
      await desk.getByTestId('result-compute').click();
      await desk.getByTestId('result-rule').getByText('全部评委平均：2 件').waitFor();
      await desk.getByTestId('result-close').click();
      await desk.getByTestId('result-freeze').click();
      const hash = desk.getByTestId('result-snapshot').getByTestId('result-hash');
      await hash.waitFor();
      expect((await hash.innerText()).trim()).toMatch(/^[0-9a-f]{64}$/u);
      await shot(desk, 'c05-results', true);
      expect(problems).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
