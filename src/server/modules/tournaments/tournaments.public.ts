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

/** The tournament's public link (the same token every time: it names the tournament only). */
export async function publicLink(deps: Deps, actor: Actor, id: number): Promise<PublicLink> {
  return deps.db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id);
    const token = signerOf(deps).sign({ t: t.id });
    await recordWrite(tx, actor, 'tournament.public_link', { type: 'tournament', id, orgPath: t.org_path });
    return { token, url: `/public/tournaments/${token}` };
  });
}

export async function publicTournament(deps: Deps, token: string): Promise<PublicTournament> {
  const payload = signerOf(deps).verify(token);
  const db: Kysely<DB> = deps.db;
  const t = typeof payload?.t === 'number' ? await repo.findLinkedTournament(db, payload.t) : undefined;
  if (!t) throw new AppError('TOURNAMENT_LINK_INVALID');
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
