import { describe, expect, it } from 'vitest';
import type { Me } from '../../../common/auth.js';
import { hasAccess } from '../../app/webModule.js';
import { refereeMenu, webModule } from './module.js';

const me = (role: Me['grants'][number]['role']): Me => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  grants: [{ id: 1, orgId: 1, orgName: '通州区总工会', orgKind: 'district_federation', role }],
  permissions: role === 'referee' ? ['tournament.referee'] : ['tournament.read', 'tournament.write', 'tournament.referee'],
  mustChangePassword: false,
});

describe('the tournaments menu', () => {
  it('shows the referee entry to referee accounts only', () => {
    const can = (m: Me) => (a: string) => m.permissions.includes(a as never);
    const referee = me('referee');
    const cadre = me('union_cadre');
    expect(hasAccess(refereeMenu.access, referee, can(referee))).toBe(true);
    expect(hasAccess(refereeMenu.access, cadre, can(cadre))).toBe(false);
    const console = webModule.menu!.find((e) => e.key === '/tournaments')!;
    expect(hasAccess(console.access, referee, can(referee))).toBe(false);
    expect(hasAccess(console.access, cadre, can(cadre))).toBe(true);
  });
});
