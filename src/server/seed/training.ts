import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { bookTeachers, insertAttendance } from '../modules/training/training.repo.js';

export const TRAINING_PLAN = { year: 2026, sessions: 30, targetPeople: 15000, held: 22, perSession: 40 } as const;
export const FINANCE_COURSE = '工会经费使用与管理';

const TEACHERS: readonly [string, 'model_worker' | 'craftsman' | 'lecturer'][] = [
  ['许振超', 'model_worker'],
  ['李素丽', 'model_worker'],
  ['张秉贵工作室 王静', 'model_worker'],
  ['高凤林', 'craftsman'],
  ['周建民', 'craftsman'],
  ['市总财务部 刘会计师', 'lecturer'],
];
const COURSES: readonly { title: string; topic: string; audience: string; teachers: readonly number[] }[] = [
  { title: '劳模精神进基层宣讲', topic: '劳模精神', audience: '基层职工', teachers: [0, 1, 2] },
  { title: FINANCE_COURSE, topic: FINANCE_COURSE, audience: '工会财务人员', teachers: [5] },
  { title: '职工匠师技能课堂', topic: '工匠精神与技能提升', audience: '一线技术工人', teachers: [3, 4] },
];

/**
 * The city's 送教 programme (issue #13): 北京市总工会's 2026 plan of 30 sessions, taught by the 劳模宣讲团 and 职工匠师,
 * with a course for finance officers (工会经费使用与管理); the sessions before December held, each attended by members
 * once they exist. Idempotent: the plan is made once (in seedDemo), attendance when members are there.
 */
export async function seedTraining(db: Kysely<DB>): Promise<void> {
  const root = await db.selectFrom('org_unit').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirst();
  if (!root) return;
  const existing = await db
    .selectFrom('training_plan')
    .select('id')
    .where('org_id', '=', root.id)
    .where('year', '=', TRAINING_PLAN.year)
    .executeTakeFirst();
  if (!existing) await inTransaction(db, (tx) => makePlan(tx, root));
  await attend(db, root);
}

async function inTransaction(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<void>): Promise<void> {
  await (db.isTransaction ? work(db as Transaction<DB>) : db.transaction().execute(work));
}

async function makePlan(tx: Transaction<DB>, root: { id: number; path: string }): Promise<void> {
  const plan = await tx
    .insertInto('training_plan')
    .values({
      org_id: root.id,
      org_path: root.path,
      year: TRAINING_PLAN.year,
      planned_sessions: TRAINING_PLAN.sessions,
      target_people: TRAINING_PLAN.targetPeople,
      topics: ['劳模精神', FINANCE_COURSE, '工匠精神与技能提升'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teachers = await tx
    .insertInto('teacher')
    .values(TEACHERS.map(([name, kind]) => ({ org_id: root.id, org_path: root.path, name, kind })))
    .returning('id')
    .execute();
  const courses = await tx
    .insertInto('training_course')
    .values(
      COURSES.map((c) => ({
        org_id: root.id,
        org_path: root.path,
        plan_id: plan.id,
        title: c.title,
        topic: c.topic,
        audience: c.audience,
      })),
    )
    .returning('id')
    .execute();
  const places = ['北京市工人文化宫', '劳动人民文化宫', '海淀区职工服务中心', '朝阳区职工之家', '丰台区总工会培训中心'];
  // 30 sessions from January to December, one every 12 days; the first 22 were held.
  const sessions = Array.from({ length: TRAINING_PLAN.sessions }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 8 + i * 12)).toISOString().slice(0, 10);
    const course = i % COURSES.length;
    return {
      course_id: courses[course]!.id,
      org_id: root.id,
      org_path: root.path,
      starts_at: new Date(`${day}T09:30:00+08:00`).toISOString(),
      ends_at: new Date(`${day}T11:30:00+08:00`).toISOString(),
      place: places[i % places.length]!,
      capacity: 80,
      status: i < TRAINING_PLAN.held ? ('held' as const) : ('planned' as const),
    };
  });
  const made = await tx.insertInto('training_session').values(sessions).returning(['id', 'course_id', 'starts_at', 'ends_at']).execute();
  for (const [i, s] of made.entries()) {
    const lineup = COURSES[i % COURSES.length]!.teachers;
    const teacher = teachers[lineup[Math.floor(i / COURSES.length) % lineup.length]!]!;
    await bookTeachers(tx, { id: s.id, startsAt: s.starts_at, endsAt: s.ends_at }, [teacher.id]);
  }
}

/** 40 members at each held session, from a different district each time; nothing once any attendance is there. */
async function attend(db: Kysely<DB>, root: { id: number }): Promise<void> {
  const held = await db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', 'c.id', 's.course_id')
    .innerJoin('training_plan as p', 'p.id', 'c.plan_id')
    .select('s.id')
    .where('p.org_id', '=', root.id)
    .where('p.year', '=', TRAINING_PLAN.year)
    .where('s.status', '=', 'held')
    .orderBy('s.starts_at')
    .execute();
  if (held.length === 0) return;
  const any = await db
    .selectFrom('training_attendance')
    .select('member_id')
    .where(
      'training_session_id',
      'in',
      held.map((h) => h.id),
    )
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  const { rows: members } = await sql<{ region_id: number; id: number; org_id: number; org_path: string }>`
    SELECT region_id, id, org_id, org_path::text AS org_path FROM member
     WHERE status = 'member' ORDER BY id DESC LIMIT ${held.length * TRAINING_PLAN.perSession}`.execute(db);
  if (members.length === 0) return;
  await inTransaction(db, async (tx) => {
    for (const [i, s] of held.entries()) {
      const group = members.slice(i * TRAINING_PLAN.perSession, (i + 1) * TRAINING_PLAN.perSession);
      await insertAttendance(tx, s.id, group, 'cadre_list', null);
    }
  });
}
