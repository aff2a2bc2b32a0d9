import { TICKET_PREFIX, type TicketClaims } from '../../../common/events.checkin.js';
import { createClaimsSigner, type ClaimsSigner } from '../../crypto/ed25519.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import type { Config } from '../../config.js';

/**
 * Event tickets: "ET1." base64url(claims) "." Ed25519 signature, through the platform's claims signer (the one the
 * welfare vouchers use), with a key of their own derived from the master secret. A scanner holding the public key
 * checks a ticket offline; the claims name the registration (and its region, so a sync reads one shard), the session
 * and the ticket's version — no name, no phone.
 */
export type TicketSigner = ClaimsSigner<TicketClaims>;

export function createTicketSigner(master: Buffer): TicketSigner {
  return createClaimsSigner<TicketClaims>(master, {
    info: 'gonghui event ticket ed25519 v1',
    prefix: TICKET_PREFIX,
    parse(c) {
      const { r, i, s, v } = c;
      if (![r, i, s, v].every((n) => Number.isSafeInteger(n) && (n as number) > 0)) return null;
      return { r: r as number, i: i as number, s: s as number, v: v as number };
    },
  });
}

/** The app's ticket signer, from the master secret of its settings (check-in and notifications sign alike). */
export function ticketSignerOf(config: Pick<Config, 'secret' | 'dataDir'>): TicketSigner {
  return createTicketSigner(loadMasterSecret({ secret: config.secret, dataDir: config.dataDir }));
}
