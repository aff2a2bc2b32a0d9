// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contestRuleTexts, type Appeal, type Entry, type ResultSnapshot } from '../../../common/contests.js';
import { i18next } from '../../i18n/index.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ContestResultsTab } from './ContestResultsTab.js';
import { buildContest, buildResult } from './contests.fixtures.js';

const sha = 'a3f1c9e0'.repeat(8);
const entries: Entry[] = [
  { id: 71, orgId: 101, orgName: '和平里街道工会', title: '节目01', performers: [{ name: '张三' }], attachments: [] },
  { id: 72, orgId: 102, orgName: '安定门街道工会', title: '节目02', performers: [], attachments: [] },
];
const snapshot: ResultSnapshot = {
  id: 5,
  sha256: sha,
  rule: 'trimmed-mean;normalisation=none',
  publishedAt: '2026-12-01T02:00:00Z',
  noticeEndsAt: '2026-12-08T02:00:00Z',
  result: buildResult(),
};

function serve(extra: (method: string, path: string) => { status?: number; body?: unknown } | undefined = () => undefined) {
  return fakeApi(cadre(['contest.read', 'contest.write']), (method, path) => {
    if (path === '/api/contests/3/entries') return { body: { items: entries } };
    if (path === '/api/contests/3/appeals')
      return {
        body: {
          items: [
            {
              id: 8,
              contestId: 3,
              entryId: 72,
              text: '音响故障，请复核。',
              status: 'open',
              answer: null,
              createdAt: '2026-12-02T01:00:00Z',
            },
          ],
        },
      };
    if (method === 'GET' && path === '/api/contests/3/results') return { body: snapshot };
    return extra(method, path);
  });
}

describe('ContestResultsTab', { timeout: 240_000 }, () => {
  it('says which rule ran, shows the frozen hash, the notice end, the shortfall and the appeals', async () => {
    serve();
    renderPage(<ContestResultsTab contest={buildContest({ status: 'notice' })} canWrite onChanged={() => undefined} />);
    expect((await screen.findByTestId('result-hash')).textContent).toContain(sha);
    expect(screen.getByTestId('result-rule-summary').textContent).toBe(buildResult().summary['zh-CN']);
    expect(screen.getByTestId('result-rule').textContent).toContain('去掉最高最低分后平均：2 件');
    expect(screen.getByTestId('result-rule').textContent).toContain('未做评委标准化');
    expect(screen.getByTestId('result-notice-ends').textContent).toBe('2026/12/8');
    expect(screen.getByTestId('result-shortfalls').textContent).toContain('优秀表演奖空缺 1 名');
    expect(screen.getByTestId('result-awards-71').textContent).toContain('最佳表演奖');
    expect(screen.getByTestId('result-awards-71').textContent).toContain('展演');
    expect(await screen.findByText('音响故障，请复核。')).toBeTruthy();
    expect(screen.getByTestId('appeal-answer-8')).toBeTruthy();
    expect(screen.getByTestId('result-final')).toBeTruthy();
    expect(screen.queryByTestId('result-certificates')).toBeNull();
    await userEvent.click(screen.getByTestId('contest-rules-toggle'));
    expect(screen.getByTestId('contest-rule-aggregation').textContent).toContain(contestRuleTexts.aggregation['zh-CN']);
  });

  it('says a normalisation chosen but not run, in English too', async () => {
    serve();
    await i18next.changeLanguage('en');
    try {
      renderPage(
        <ContestResultsTab contest={buildContest({ status: 'final', normalisation: 'robust-z' })} canWrite onChanged={() => undefined} />,
      );
      expect((await screen.findByTestId('result-rule-summary')).textContent).toBe(buildResult().summary.en);
      expect(screen.getByTestId('result-rule').textContent).toContain('Normalisation was chosen but the assignment is unbalanced');
      await userEvent.click(screen.getByTestId('contest-rules-toggle'));
      expect(screen.getByTestId('contest-rule-missing').textContent).toContain(contestRuleTexts.missing.en);
      expect(screen.queryByTestId('result-final')).toBeNull();
      // A final result prints its certificates; a result on notice does not (the first test).
      expect(screen.getByTestId('result-certificates').textContent).toContain('Download certificates');
    } finally {
      await i18next.changeLanguage('zh-CN');
    }
  });

  it('says the declared balanced design is why the normalisation ran', async () => {
    const declared = buildResult({
      rule: { normalisation: 'robust-z', balance: 'declared', balancedDesign: '每位评委评两件', trimmedEntries: 0, plainMeanEntries: 2 },
    });
    serve((method, path) =>
      method === 'GET' && path === '/api/contests/3/results/preview' ? { body: { sha256: sha, result: declared } } : undefined,
    );
    renderPage(
      <ContestResultsTab contest={buildContest({ status: 'scored', normalisation: 'robust-z' })} canWrite onChanged={() => undefined} />,
    );
    expect((await screen.findByTestId('result-rule-balance')).textContent).toBe('按事先声明的平衡设计（每位评委评两件），实际分配符合');
    expect(screen.getByTestId('result-rule').textContent).toContain('已做评委标准化');
  });

  it('files an appeal for an entry during the notice, lists it, and the organiser answers it', async () => {
    const appeals: Appeal[] = [];
    const calls = fakeApi(cadre(['contest.read', 'contest.write']), (method, path, _u, body) => {
      if (path === '/api/contests/3/entries') return { body: { items: entries } };
      if (method === 'GET' && path === '/api/contests/3/results') return { body: snapshot };
      if (path === '/api/contests/3/appeals') return { body: { items: appeals } };
      if (method === 'POST' && path === '/api/contest-entries/72/appeals') {
        const text = (body as { text: string }).text;
        appeals.push({ id: 9, contestId: 3, entryId: 72, text, status: 'open', answer: null, createdAt: '2026-12-02T01:00:00Z' });
        return { status: 201, body: appeals[0] };
      }
      if (method === 'POST' && path === '/api/contests/3/appeals/9/answer') {
        appeals[0] = { ...appeals[0]!, status: 'answered', answer: (body as { answer: string }).answer };
        return { body: appeals[0] };
      }
      return undefined;
    });
    renderPage(<ContestResultsTab contest={buildContest({ status: 'notice' })} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('appeal-file'));
    const entry = screen.getByTestId('appeal-entry');
    fireEvent.mouseDown(entry.querySelector('.ant-select-selector') ?? entry);
    await userEvent.click(await screen.findByText('节目02 · 安定门街道工会'));
    await userEvent.type(screen.getByTestId('appeal-text'), '现场音响故障，请复核得分。');
    await userEvent.click(screen.getByTestId('appeal-ok'));
    await waitFor(() => expect(screen.getByTestId('appeal-9').textContent).toContain('现场音响故障，请复核得分。'));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ text: '现场音响故障，请复核得分。' });
    await userEvent.type(screen.getByTestId('appeal-answer-9'), '经复核，维持原结果。');
    await userEvent.click(screen.getByTestId('appeal-answer-ok-9'));
    await waitFor(() => expect(screen.getByTestId('appeal-9').textContent).toContain('答复：经复核，维持原结果。'));
    expect(screen.queryByTestId('appeal-answer-9')).toBeNull();
  });

  it('offers no appeal to a reader, nor outside the notice', async () => {
    serve();
    renderPage(<ContestResultsTab contest={buildContest({ status: 'notice' })} canWrite={false} onChanged={() => undefined} />);
    expect(await screen.findByTestId('result-hash')).toBeTruthy();
    expect(screen.queryByTestId('appeal-file')).toBeNull();
  });

  it('shows what blocks the result when scores are missing, and the preview hash once complete', async () => {
    let isComplete = false;
    serve((method, path) => {
      if (path !== '/api/contests/3/results/preview') return undefined;
      if (!isComplete)
        return {
          status: 409,
          body: {
            code: 'CONTEST_SCORES_MISSING',
            message: '还缺 3 份评分，不能计算结果',
            details: [1, 2, 3].map((n) => ({ path: `entry ${n}`, message: 'judge 1' })),
          },
        };
      return { body: { sha256: sha, result: buildResult() } };
    });
    renderPage(<ContestResultsTab contest={buildContest({ status: 'judging' })} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('result-compute'));
    const blocked = await screen.findByTestId('result-blocked');
    expect(blocked.textContent).toContain('还缺 3 份评分');
    expect(blocked.textContent).toContain('共 3 处');
    isComplete = true;
    await userEvent.click(screen.getByTestId('result-compute'));
    await waitFor(() => expect(screen.getByTestId('result-hash').textContent).toBe(sha));
    expect(screen.queryByTestId('result-blocked')).toBeNull();
    expect(screen.getByTestId('result-close')).toBeTruthy();
  });

  it('names each tie at a prize boundary with its entries and their codes, and says the chief judge decides blind', async () => {
    serve((method, path) =>
      path === '/api/contests/3/results/preview'
        ? {
            status: 409,
            body: {
              code: 'CONTEST_TIE_UNRESOLVED',
              message: '获奖线上出现并列（overall@1: 71,72），按规则须由评委会主任记录裁定后再计算',
              details: [{ path: 'overall', message: '1: 71,72' }],
            },
          }
        : undefined,
    );
    renderPage(<ContestResultsTab contest={buildContest({ status: 'judging' })} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('result-compute'));
    const tie = await screen.findByTestId('result-tie-0');
    expect(tie.textContent).toContain('总排名第 1 名处并列：节目01（编号 71）、节目02（编号 72）');
    expect(tie.textContent).toContain('盲评');
  });
});
