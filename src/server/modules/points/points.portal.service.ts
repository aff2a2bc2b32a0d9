import type { Deps } from '../../deps.js';
import type { Page } from '../../../common/paging.js';
import type { MemberHistoryItem, MemberPoints, SpendCode, WhereToSpend } from '../../../common/points.merchants.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { listPage } from '../../http/list-page.js';
import * as repo from './points.portal.repo.js';
import { mintSpendCode } from './redemptions.codes.js';

/** The member's balance per programme (posted, and what is held by a pending charge) and when their points expire. */
export async function memberPoints(deps: Deps, member: MemberPrincipal): Promise<MemberPoints> {
  const accounts = await repo.accountsOf(deps.db, member);
  const lots = await repo.expiringOf(deps.db, accounts);
  return {
    programmes: accounts.map((a) => ({
      programmeId: a.programme_id,
      programmeName: a.programme_name,
      orgName: a.org_name,
      balance: Number(a.balance) - Number(a.pending_debits),
      held: Number(a.pending_debits),
      expiring: lots
        .filter((l) => l.region_id === a.region_id && l.account_id === a.id)
        .map((l) => ({ expiresAt: l.expires_at ? new Date(l.expires_at).toISOString() : null, points: Number(l.points) })),
    })),
  };
}

/** The member's points history, newest first: what was earned, spent (where, on what), expired or given back. */
export async function memberHistory(
  deps: Deps,
  member: MemberPrincipal,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<MemberHistoryItem>> {
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.historyOf(deps.db, member, { afterId, limit: query.limit }),
    present: (rows) =>
      rows.map((r) => ({
        id: r.id,
        programmeName: r.programme_name,
        kind: r.kind,
        // A hold shows as what became of it: 'post' (charged), 'void' (given back) or 'pending' while it waits.
        op: r.op === 'pending' ? (r.resolution ?? 'pending') : r.op,
        points: (r.is_debit ? -1 : 1) * Number(r.amount),
        merchantName: r.merchant_name,
        itemName: r.item_name,
        reason: r.reason,
        createdAt: new Date(r.created_at).toISOString(),
      })),
    sortKey: (last) => last.id,
  });
}

const EARTH_RADIUS_METRES = 6_371_000;
function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h)));
}

/** Where the member can spend: the shops of merchants designated for the member's programmes, nearest first when a place is given. */
export async function whereToSpend(
  deps: Deps,
  member: MemberPrincipal,
  near: { lat?: number | undefined; lng?: number | undefined },
): Promise<WhereToSpend> {
  const accounts = await repo.accountsOf(deps.db, member);
  const rows = await repo.placesFor(
    deps.db,
    accounts.map((a) => a.programme_id),
  );
  const origin = near.lat !== undefined && near.lng !== undefined ? { lat: near.lat, lng: near.lng } : null;
  const items = rows.map((r) => ({
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    shopName: r.shop_name,
    address: r.address,
    openingHours: r.opening_hours,
    programmes: r.programmes,
    items: JSON.parse(r.items) as { name: string; points: number }[],
    distanceMetres: origin && r.lat !== null && r.lng !== null ? distanceMetres(origin, { lat: r.lat, lng: r.lng }) : null,
  }));
  if (origin) items.sort((a, b) => (a.distanceMetres ?? Infinity) - (b.distanceMetres ?? Infinity));
  return { items };
}

/** A fresh spending code for the member's phone (QR and typed code); refreshed by the page every two minutes, so not audited (the charge is). */
export async function spendCode(deps: Deps, member: MemberPrincipal): Promise<SpendCode> {
  return mintSpendCode(deps, member);
}
