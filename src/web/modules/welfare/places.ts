import type { TFunction } from 'i18next';
import type { CampaignDetail, StockBalance, StockPlace } from '../../../common/welfare.js';

/** A place stock can be handed out or moved from: a node's own stock (or the warehouse) or one of its sites. */
export type Place = { key: string; label: string; place: StockPlace; kind: StockBalance['kind'] };

export function placeLabel(t: TFunction, s: Pick<StockBalance, 'kind' | 'orgName' | 'site'>): string {
  if (s.kind === 'site') return `${s.site}（${s.orgName}）`;
  if (s.kind === 'warehouse') return `${s.orgName} · ${t('welfare.stock.warehouse')}`;
  if (s.kind === 'transit') return `${s.orgName} · ${t('welfare.stock.transit')}`;
  return s.orgName;
}

/** The places holding stock of the campaign that the caller sees, each once. */
export function stockPlaces(t: TFunction, campaign: CampaignDetail): Place[] {
  const seen = new Map<string, Place>();
  for (const s of campaign.stock) {
    if (s.kind !== 'warehouse' && s.kind !== 'node' && s.kind !== 'site') continue;
    const key = `${s.orgId}:${s.kind === 'site' ? s.site : ''}`;
    if (!seen.has(key))
      seen.set(key, {
        key,
        label: placeLabel(t, s),
        kind: s.kind,
        place: s.kind === 'site' ? { orgId: s.orgId, site: s.site } : { orgId: s.orgId },
      });
  }
  return [...seen.values()];
}
