// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18next } from '../../i18n/index.js';
import { MembersTab } from './MembersTab.js';

describe('MembersTab search box', () => {
  it('says what a search accepts, in Chinese and in English', async () => {
    fakeApi(cadre(['member.read']), (method, path) =>
      method === 'GET' && path === '/api/members' ? { body: { items: [], nextCursor: null } } : undefined,
    );
    renderPage(<MembersTab orgId={3} orgName="和平里街道总工会" />);
    const box = await screen.findByPlaceholderText(/姓名/);
    for (const word of ['拼音', '首字母', '手机号', '尾号4位', '身份证号', '卡号']) expect(box.getAttribute('placeholder')).toContain(word);
    const en = i18next.getFixedT('en')('member.searchPlaceholder');
    for (const word of ['pinyin', 'initials', 'mobile', 'last 4 digits', 'ID', 'card']) expect(en).toContain(word);
  });
});
