import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import type { PublicLink, PublicTournament } from '../../../common/tournaments.js';
import type { Actor } from '../../auth/scope.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import { createSigner, type Signer } from '../../crypto/tokens.js';
import { recordWrite } from '../../audit/audit.js';
import { findTournamentFor } from './tournaments.service.js';
import { heatsState, leagueState, presentHeats, presentMatch, presentStandings } from './tournaments.view.js';
import * as repo from './tournaments.repo.js';

/*
 * The public read-only link of a tournament (for the teams): a signed token naming the tournament, answering its
 * schedule, standings, bracket and heats with team names only — no referee, no member, no phone.
 */
const signers = new WeakMap<Deps, Signer>();
function signerOf(deps: Deps): Signer {
  let s = signers.get(deps);
  if (!s) {
    s = createSigner(loadMasterSecret({ secret: deps.config.secret, dataDir: deps.config.dataDir }), 'tournament public link');
    signers.set(deps, s);
  }
  return s;
}

/**
 * The tournament's public link: the same token every time until it is revoked (it names the tournament and the
 * link's generation); asked for after a revocation, a new link of the next generation.
 */
export async function publicLink(deps: Deps, actor: Actor, id: number): Promise<PublicLink> {
  return deps.db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    const link = await repo.linkStateOf(tx, t);
    if (link.isRevoked) await repo.restoreLink(tx, t);
    // The first generation signs no `g`: links given out before links could be revoked keep working until revoked.
    const token = signerOf(deps).sign(link.generation === 1 ? { t: t.id } : { t: t.id, g: link.generation });
    await recordWrite(
      tx,
      actor,
      'tournament.public_link',
      { type: 'tournament', id, orgPath: t.org_path },
      { generation: link.generation },
    );
    return { token, url: `/public/tournaments/${token}` };
  });
}

/** Revokes the public link: every link given out so far answers 404 (revoked); the next one asked for is new. */
export async function revokePublicLink(deps: Deps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    const generation = await repo.revokeLink(tx, t);
    await recordWrite(tx, actor, 'tournament.public_link.revoke', { type: 'tournament', id, orgPath: t.org_path }, { generation });
  });
}

export async function publicTournament(deps: Deps, token: string): Promise<PublicTournament> {
  const payload = signerOf(deps).verify(token);
  const db: Kysely<DB> = deps.db;
  const t = typeof payload?.t === 'number' ? await repo.findLinkedTournament(db, payload.t) : undefined;
  if (!t) throw new AppError('TOURNAMENT_LINK_INVALID');
  const link = await repo.linkStateOf(db, t);
  const generation = payload?.g ?? 1;
  if (link.isRevoked || generation !== link.generation) throw new AppError('TOURNAMENT_LINK_REVOKED');
  const state = await leagueState(db, t);
  const matches = state.matches.map((m) => presentMatch(state, m));
  return {
    name: t.name,
    kind: t.kind,
    schedule: matches.filter((m) => m.stage === 'group'),
    standings: presentStandings(state),
    bracket: matches.filter((m) => m.stage === 'knockout'),
    heats: t.kind === 'heats' ? presentHeats(t, await heatsState(db, t)) : null,
  };
}
