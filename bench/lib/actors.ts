import type { Actor } from '../../src/server/auth/scope.js';
import type { Role } from '../../src/common/auth.js';

/**
 * A signed-in caller holding `role` on one node, as the session layer would resolve it — services called directly
 * by the benchmarks scope their SQL by it exactly as for a request.
 */
export function actorOn(node: { id: number; path: string }, role: Role = 'union_cadre'): Actor {
  return {
    userId: 1,
    username: 'admin',
    displayName: 'bench',
    grants: [{ id: 1, orgId: node.id, orgPath: node.path, orgName: 'bench', orgKind: 'district_federation', role }],
    ip: '127.0.0.1',
  };
}
