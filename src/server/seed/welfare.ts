import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ItemUnit, MoveKind } from '../../common/welfare.js';

/**
 * Demo 夏送清凉 of the city federation (figures from the seed pages: 1万斤 watermelon, mung-bean soup and heat-stroke
 * medicine for 1,500 outdoor workers at 新发地市场, water to construction sites, a cold-drink voucher at a designated
 * shop). Written straight into the book — moves first, balances from them — so that it loads in milliseconds; the
 * reconciliation balances: stock in = handed out + left + in transit. Vouchers are stocked, none issued (an issued
 * voucher names a person, and demo people come later with the members).
 */
export async function seedWelfare(tx: Transaction<DB>): Promise<void> {
  const districts = await tx
    .selectFrom('org_unit')
    .select(['id', 'path', 'name', 'region_code'])
    .where('kind', '=', 'district_federation')
    .orderBy('id')
    .execute();
  const root = await tx.selectFrom('org_unit').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirst();
  if (!root || districts.length === 0) return;
  // 丰台 holds 新发地市场; 大兴 (the 亦庄 development zone) the building sites. Other districts stand in when absent.
  const market = districts.find((d) => d.region_code === '110106') ?? districts[0]!;
  const sites = districts.find((d) => d.region_code === '110115') ?? districts.find((d) => d.id !== market.id) ?? market;
  const region = Number(root.path);

  const merchant = await tx
    .insertInto('points_merchant')
    .values({ org_id: market.id, org_path: market.path, name: '清凉冷饮店（新发地店）', uscc: null, contact_name: '王经理' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('points_shop')
    .values({ merchant_id: merchant.id, name: '新发地市场东门店', address: '北京市丰台区新发地市场东门', opening_hours: '07:00-21:00' })
    .execute();
  const campaign = await tx
    .insertInto('welfare_campaign')
    .values({
      org_id: root.id,
      org_path: root.path,
      region_id: region,
      kind: 'summer',
      name: '2026年“夏送清凉”慰问活动',
      description: '清凉送一线 安康伴您行：为户外劳动者、建筑工人送西瓜、绿豆汤、防暑药品和饮用水。',
      starts_on: '2026-06-20',
      ends_on: '2026-08-31',
      voucher_from: '2026-07-01',
      voucher_to: '2026-08-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('welfare_campaign_merchant').values({ campaign_id: campaign.id, merchant_id: merchant.id }).execute();
  await tx.insertInto('welfare_campaign_node').values({ campaign_id: campaign.id, org_id: market.id, org_path: market.path }).execute();
  const itemSpecs: [string, ItemUnit, number, number, boolean][] = [
    ['西瓜', '斤', 10000, 1_500_000, false],
    ['冰镇绿豆汤', '份', 1500, 450_000, false],
    ['防暑药品（藿香正气水）', '盒', 1500, 1_200_000, false],
    ['矿泉水', '箱', 800, 2_400_000, false],
    ['冷饮兑换券', '张', 1500, 750_000, true],
  ];
  const items = await tx
    .insertInto('welfare_item')
    .values(
      itemSpecs.map(([name, unit, planned, budgetFen, isVoucher]) => ({
        campaign_id: campaign.id,
        name,
        unit,
        planned_qty: planned,
        budget_fen: budgetFen,
        is_voucher: isVoucher,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const item = (name: string) => items.find((i) => i.name === name)!.id;

  // One location per kind, node and name (the market's district stands in for the sites' when it is the only one).
  const made = new Map<string, number>();
  const location = async (kind: 'warehouse' | 'node' | 'transit' | 'site' | 'handed_out', org: { id: number; path: string }, name = '') => {
    const key = `${kind}:${org.id}:${name}`;
    const known = made.get(key);
    if (known !== undefined) return known;
    const row = await tx
      .insertInto('welfare_location')
      .values({ region_id: region, campaign_id: campaign.id, kind, org_id: org.id, org_path: org.path, name })
      .returning('id')
      .executeTakeFirstOrThrow();
    made.set(key, row.id);
    return row.id;
  };
  const warehouse = await location('warehouse', root);
  const sink = await location('handed_out', root);
  const marketTransit = await location('transit', market);
  const marketNode = await location('node', market);
  const marketSite = await location('site', market, '新发地市场');
  const sitesTransit = await location('transit', sites);
  const sitesNode = await location('node', sites);
  const buildingSite = await location('site', sites, '亦庄新城建设工地');

  const balances = new Map<string, number>();
  let serial = 0;
  const move = async (
    kind: MoveKind,
    from: number | null,
    to: number,
    itemName: string,
    qty: number,
    extra: { receiptOf?: number; handoutId?: number } = {},
  ) => {
    const row = await tx
      .insertInto('welfare_move')
      .values({
        region_id: region,
        campaign_id: campaign.id,
        move_key: `seed:${++serial}`,
        request_hash: 'seed',
        kind,
        from_location_id: from,
        to_location_id: to,
        item_id: item(itemName),
        qty,
        receipt_of: extra.receiptOf ?? null,
        handout_id: extra.handoutId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (from !== null) balances.set(`${from}:${item(itemName)}`, (balances.get(`${from}:${item(itemName)}`) ?? 0) - qty);
    if (to !== sink) balances.set(`${to}:${item(itemName)}`, (balances.get(`${to}:${item(itemName)}`) ?? 0) + qty);
    return row.id;
  };
  const allocateAndReceive = async (transit: number, node: number, itemName: string, qty: number) => {
    const sent = await move('allocate', warehouse, transit, itemName, qty);
    await move('receive', transit, node, itemName, qty, { receiptOf: sent });
  };
  const batch = async (site: number, org: { id: number; path: string }, count: number, lines: [string, number][]) => {
    const handout = await tx
      .insertInto('welfare_handout')
      .values({
        region_id: region,
        campaign_id: campaign.id,
        handout_key: `seed:batch:${++serial}`,
        request_hash: 'seed',
        kind: 'batch',
        batch_count: count,
        location_id: site,
        org_id: org.id,
        org_path: org.path,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [name, qty] of lines) await move('hand_out', site, sink, name, qty, { handoutId: handout.id });
  };

  for (const [name, , planned] of itemSpecs) await move('stock_in', null, warehouse, name, planned);
  // 新发地市场: 1,500 outdoor workers (商户、保安、保洁) in three rounds of 500.
  for (const [name, qty] of [
    ['西瓜', 6000],
    ['冰镇绿豆汤', 1500],
    ['防暑药品（藿香正气水）', 1500],
  ] as const) {
    await allocateAndReceive(marketTransit, marketNode, name, qty);
    await move('transfer', marketNode, marketSite, name, qty);
  }
  for (let round = 0; round < 3; round++)
    await batch(marketSite, market, 500, [
      ['西瓜', 2000],
      ['冰镇绿豆汤', 500],
      ['防暑药品（藿香正气水）', 500],
    ]);
  // Building sites: 600 cases of water received, 400 handed to 800 builders, 200 left on site.
  await allocateAndReceive(sitesTransit, sitesNode, '矿泉水', 600);
  await move('transfer', sitesNode, buildingSite, '矿泉水', 600);
  await batch(buildingSite, sites, 800, [['矿泉水', 400]]);
  // 2,000 斤 more watermelon on its way to the building sites, awaiting their receipt.
  await move('allocate', warehouse, sitesTransit, '西瓜', 2000);

  const rows = [...balances.entries()].map(([k, qty]) => {
    const [locationId, itemId] = k.split(':').map(Number) as [number, number];
    return { region_id: region, location_id: locationId, item_id: itemId, qty };
  });
  if (rows.length > 0) await tx.insertInto('welfare_balance').values(rows).execute();
}
