// @vitest-environment jsdom
import '../../testing/dom.js';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../../common/audit.js';
import { i18next } from '../../i18n/index.js';
import { actorInWords, describeDetail } from './auditColumns.js';

const entry = (over: Partial<AuditRecord>): AuditRecord => ({
  id: 1,
  at: '2026-12-01T04:00:00Z',
  username: 'admin',
  actorName: '系统管理员',
  action: 'auth.login',
  targetType: null,
  targetId: null,
  targetName: null,
  result: 'ok',
  ip: null,
  detail: null,
  ...over,
});

describe('the audit log in words', () => {
  const t = i18next.t.bind(i18next);

  it('says who acted: the person, 系统 for the platform’s own work, — for nobody', () => {
    expect(actorInWords(entry({}), t)).toBe('系统管理员');
    expect(actorInWords(entry({ username: 'system', actorName: null }), t)).toBe('系统');
    expect(actorInWords(entry({ username: null, actorName: null }), t)).toBe(t('common.none'));
  });

  it('puts recorded reasons, refusal codes and other fields in words, leaving names and numbers as recorded', () => {
    expect(describeDetail(entry({ result: 'denied', detail: { reason: 'wrong_password' } }), t)).toBe('登录被拒：密码错误');
    expect(describeDetail(entry({ action: 'GET /api/auth/me', result: 'denied', detail: { code: 'UNAUTHENTICATED' } }), t)).not.toMatch(
      /UNAUTHENTICATED/,
    );
    expect(describeDetail(entry({ action: 'demo.seed', detail: { seed: 20260530, scale: 1 } }), t)).toBe('随机种子：20260530；规模：1');
    expect(describeDetail(entry({ action: 'card.verify', detail: { cardNo: 'GH-0001', by: 'member' } }), t)).toBe(
      '卡号：GH-0001；操作方：会员本人',
    );
  });
});
