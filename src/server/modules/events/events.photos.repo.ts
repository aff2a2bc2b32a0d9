import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import type { InScope } from '../../auth/scope.js';
import type { EventPhotoMime, EventPhotoRole } from '../../../common/events.photos.js';
import './events.photos.tables.js';

const META = ['id', 'event_id', 'role', 'mime', 'size', 'sha256', 'created_at'] as const;

/** The photos of an event already read in the caller's scope, cover first then oldest first; metadata only. */
export function photosOf(db: Executor, event: InScope<{ id: number }>) {
  return db
    .selectFrom('event_photo')
    .select([...META])
    .where('event_id', '=', event.id)
    .orderBy('role', 'desc')
    .orderBy('id')
    .execute();
}
export type EventPhotoRow = Awaited<ReturnType<typeof photosOf>>[number];

/** The photos of the event, counted under a lock on the event row so two uploads cannot both pass the limit. */
export async function lockAndCount(db: Executor, event: InScope<{ id: number }>): Promise<number> {
  await db.selectFrom('event').select('id').where('id', '=', event.id).forUpdate().executeTakeFirst();
  const row = await db
    .selectFrom('event_photo')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', event.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes the event's cover, if it has one; answers the removed photo's id. */
export async function deleteCover(db: Executor, event: InScope<{ id: number }>): Promise<number | undefined> {
  const row = await db
    .deleteFrom('event_photo')
    .where('event_id', '=', event.id)
    .where('role', '=', 'cover')
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function insertPhoto(
  db: Executor,
  event: InScope<{ id: number }>,
  photo: { role: EventPhotoRole; mime: EventPhotoMime; bytes: Buffer; sha256: string; uploadedBy: number },
) {
  return db
    .insertInto('event_photo')
    .values({
      event_id: event.id,
      role: photo.role,
      mime: photo.mime,
      bytes: photo.bytes,
      size: photo.bytes.length,
      sha256: photo.sha256,
      uploaded_by: photo.uploadedBy,
    })
    .returning([...META])
    .executeTakeFirstOrThrow();
}

/** One photo of the event, with its bytes. */
export function photoBytes(db: Executor, event: InScope<{ id: number }>, photoId: number) {
  return db
    .selectFrom('event_photo')
    .select(['id', 'mime', 'size', 'sha256', 'bytes'])
    .where('event_id', '=', event.id)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** The cover of an event whose audience holds the member's union and that is past its draft; with its bytes. */
export function coverForMember(db: Executor, memberPath: string, eventId: number) {
  return db
    .selectFrom('event_photo as p')
    .innerJoin('event as e', 'e.id', 'p.event_id')
    .select(['p.id', 'p.mime', 'p.size', 'p.sha256', 'p.bytes'])
    .where('p.event_id', '=', eventId)
    .where('p.role', '=', 'cover')
    .where('e.status', '<>', 'draft')
    .where(sql<boolean>`EXISTS (SELECT 1 FROM event_audience a WHERE a.event_id = e.id AND ${memberPath}::ltree <@ a.org_path)`)
    .executeTakeFirst();
}

export function deletePhoto(db: Executor, event: InScope<{ id: number }>, photoId: number) {
  return db
    .deleteFrom('event_photo')
    .where('event_id', '=', event.id)
    .where('id', '=', photoId)
    .returning(['id', 'role', 'size'])
    .executeTakeFirst();
}
