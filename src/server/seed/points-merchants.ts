import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Demo merchants of 党心e家 (东城): the food-court restaurants at 新世界商场二期美食广场 in 崇外 where delivery riders
 * spend their volunteer points on lunch (seed page 003), registered by the street's union. Runs after the programmes'
 * seed; without a 党心e家 programme of 东城 it creates nothing.
 */
const merchants = [
  {
    name: '新世界美食广场·老北京炸酱面',
    contact: '王经理',
    shop: { name: '二期美食广场 B1-12', address: '东城区崇文门外大街3号新世界商场二期B1层', lat: 39.8968, lng: 116.4183 },
    items: [
      { name: '午餐套餐', points: 15 },
      { name: '炸酱面', points: 10 },
    ],
  },
  {
    name: '新世界美食广场·家常快餐',
    contact: '刘女士',
    shop: { name: '二期美食广场 B1-07', address: '东城区崇文门外大街3号新世界商场二期B1层', lat: 39.8966, lng: 116.4181 },
    items: [
      { name: '午餐套餐', points: 15 },
      { name: '绿豆汤', points: 3 },
    ],
  },
  {
    name: '崇外便民早餐店',
    contact: '赵师傅',
    shop: { name: '花市店', address: '东城区花市大街42号', lat: 39.8935, lng: 116.4262 },
    items: [{ name: '早餐套餐', points: 8 }],
  },
] as const;

export async function seedPointsMerchants(tx: Transaction<DB>): Promise<number> {
  const programme = await tx
    .selectFrom('points_programme as p')
    .innerJoin('org_unit as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.org_path'])
    .where('p.name', '=', '党心e家')
    .where('o.name', 'like', '东城%')
    .orderBy('p.id')
    .executeTakeFirst();
  if (!programme) return 0;
  // The 崇外 street's union registers them when it is in the tree; else the programme's own node.
  const street = await tx
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('name', 'like', '崇%外%')
    .where(sql<boolean>`path <@ ${programme.org_path}::ltree`)
    .orderBy(sql`nlevel(path)`)
    .executeTakeFirst();
  const owner = street ? { id: street.id, path: street.path } : { id: programme.org_id, path: programme.org_path };
  for (const m of merchants) {
    const { id } = await tx
      .insertInto('points_merchant')
      .values({ org_id: owner.id, org_path: owner.path, name: m.name, contact_name: m.contact })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('points_shop')
      .values({ merchant_id: id, ...m.shop, district_code: '110101' })
      .execute();
    await tx
      .insertInto('points_catalogue_item')
      .values(m.items.map((i) => ({ merchant_id: id, name: i.name, points: i.points })))
      .execute();
    await tx.insertInto('points_merchant_programme').values({ merchant_id: id, programme_id: programme.id }).execute();
  }
  return merchants.length;
}
