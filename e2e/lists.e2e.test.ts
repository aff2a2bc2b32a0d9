/**
 * Lists at 1440×900 in Debian's Chromium against the real server process (issue #11): the members list says how many
 * it holds, the members' 会员卡 column and the employers' 操作 column lie whole inside the table and the window, and the
 * tree lists 东城 first under the city with its kind and members. Screenshots: e2e/artifacts/lists-*.png.
 */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { ADMIN_PASSWORD, artifacts, hasChromium, useJourney, DESKTOP, shot } from './harness.js';

/** The element lies whole inside the box of `within` and inside the window. */
async function expectWhollyInside(element: Locator, within: Locator): Promise<void> {
  const box = await element.boundingBox();
  const outer = await within.boundingBox();
  expect(box, 'element not rendered').not.toBeNull();
  expect(outer, 'container not rendered').not.toBeNull();
  const [b, o] = [box!, outer!];
  expect(b.width).toBeGreaterThan(0);
  expect(b.x).toBeGreaterThanOrEqual(o.x - 1);
  expect(b.x + b.width).toBeLessThanOrEqual(o.x + o.width + 1);
  expect(b.x + b.width).toBeLessThanOrEqual(DESKTOP.width);
}

describe.skipIf(!hasChromium)('lists in a browser at 1440 px', () => {
  const journey = useJourney();

  it('shows the members total, whole 会员卡 and 操作 columns, and 东城 first in the tree', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname !== '/login');
      const found = (await (
        await context.request.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('东城区总工会')}&kind=district_federation&limit=1`)
      ).json()) as { items: OrgSearchHit[] };
      const dongcheng = found.items[0]!;
      // The demo's members load after the server answers: wait until 东城 has some.
      const until = Date.now() + 240_000;
      while (Date.now() < until) {
        const answer = await context.request.get(`${app.baseUrl}/api/members?orgId=${dongcheng.id}&limit=1`);
        if (((await answer.json()) as { items: unknown[] }).items.length > 0) break;
        await new Promise((r) => setTimeout(r, 3000));
      }

      // 1. The members of 东城: a total beside the pager, the 会员卡 column whole at the right edge.
      await page.goto(`${app.baseUrl}/orgs/${dongcheng.id}?tab=members`);
      const members = page.getByTestId('members-table');
      await members.locator('tbody tr[data-row-key]').first().waitFor();
      const total = page.getByTestId('members-pager').getByTestId('list-total');
      await total.waitFor();
      expect(await total.innerText()).toMatch(/^(共 [\d,]+ 条|[\d,]+ 条以上)$/);
      const cardHeader = members.locator('thead th', { hasText: '会员卡' });
      await expectWhollyInside(cardHeader, members);
      await expectWhollyInside(members.locator('tbody tr[data-row-key]').first().locator('[data-testid^="member-card-"]'), members);
      await shot(page, 'lists-members');

      // 2. The employers of 东城: the 操作 column whole, its buttons in reach.
      await page.goto(`${app.baseUrl}/orgs/${dongcheng.id}?tab=employers`);
      const employers = page.getByTestId('employers-table');
      await employers.locator('tbody tr[data-row-key]').first().waitFor();
      await expectWhollyInside(employers.locator('thead th', { hasText: '操作' }), employers);
      await expectWhollyInside(employers.locator('tbody tr[data-row-key]').first().locator('[data-testid^="edit-employer-"]'), employers);
      expect(await page.getByTestId('employers-pager').getByTestId('list-total').innerText()).toMatch(/条/);
      await shot(page, 'lists-employers');

      // 3. The tree: under the city, 东城 (110101) first, with its kind icon and its members.
      const tree = page.getByTestId('org-tree');
      await tree.getByTestId(`tree-node-${dongcheng.id}`).waitFor();
      const names = await tree.locator('[data-testid^="tree-node-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('title')));
      expect(names[0]).toBe('北京市总工会');
      expect(names[1]).toBe('东城区总工会');
      expect(names.indexOf('西城区总工会')).toBe(2);
      const dcNode = tree.getByTestId(`tree-node-${dongcheng.id}`);
      expect(await dcNode.getByTestId('kind-icon-district_federation').count()).toBe(1);
      expect(await tree.getByTestId(`tree-count-${dongcheng.id}`).innerText()).toMatch(/^[\d,]+ 人$/);
      await shot(page, 'lists-tree');

      // 4. A street with more unions than a page: a search box among its children finds the one past the first page.
      const street = (await (
        await context.request.post(`${app.baseUrl}/api/orgs`, {
          data: { parentId: dongcheng.id, kind: 'street_federation', name: '测试百会街道总工会' },
        })
      ).json()) as { id: number };
      for (let i = 1; i <= 55; i++) {
        const made = await context.request.post(`${app.baseUrl}/api/orgs`, {
          data: { parentId: street.id, kind: 'grassroots_union', name: `测试工会${String(i).padStart(2, '0')}号` },
        });
        expect(made.status()).toBe(201);
      }
      await page.goto(`${app.baseUrl}/orgs/${street.id}`);
      const streetRow = tree.locator('.ant-tree-treenode', { has: page.getByTestId(`tree-node-${street.id}`) });
      await streetRow.waitFor();
      const filter = tree.getByTestId(`tree-filter-${street.id}`);
      // The tree scrolls the opened node into view as it loads: a click landing during that re-render is lost, so
      // the switcher is clicked again while the node is still closed (never when open: a second click would close it).
      for (let attempt = 1; !(await filter.isVisible()); attempt++) {
        if (attempt > 6) throw new Error('the street never opened in the tree');
        const isOpen = ((await streetRow.getAttribute('class')) ?? '').includes('ant-tree-treenode-switcher-open');
        if (!isOpen) await streetRow.locator('.ant-tree-switcher').click();
        await filter.waitFor({ timeout: 5000 }).catch(() => undefined);
      }
      await filter.fill('测试工会55');
      await filter.press('Enter');
      await tree.locator('[data-testid^="tree-node-"]', { hasText: '测试工会55号' }).waitFor();
      expect(await tree.getByTestId(`tree-more-${street.id}`).count()).toBe(0);
      await shot(page, 'lists-tree-search');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'lists-failure.png') }).catch(() => undefined);
      console.error(`problems:\n${problems.join('\n')}\nserver output:\n${app.output()}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});
