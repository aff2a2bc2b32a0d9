import type { Executor } from '../../db/executor.js';
import type { InScope } from '../../auth/scope.js';
import type { ImageMime } from '../../../common/images.js';
import './ledger.photos.tables.js';

const META = ['id', 'entry_id', 'caption', 'mime', 'size', 'sha256', 'uploaded_by', 'uploaded_at'] as const;

/** The photos of an entry already read in the caller's scope, oldest first; metadata only. */
export function photosOf(db: Executor, entry: InScope<{ id: number }>) {
  return db
    .selectFrom('ledger_entry_photo')
    .select([...META])
    .where('entry_id', '=', entry.id)
    .orderBy('id')
    .execute();
}
export type LedgerPhotoRow = Awaited<ReturnType<typeof photosOf>>[number];

/** The photos of the entry, counted under a lock on the entry row so two uploads cannot both pass the limit. */
export async function lockAndCount(db: Executor, entry: InScope<{ id: number }>): Promise<number> {
  await db.selectFrom('ledger_entry').select('id').where('id', '=', entry.id).forUpdate().executeTakeFirst();
  const row = await db
    .selectFrom('ledger_entry_photo')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('entry_id', '=', entry.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertPhoto(
  db: Executor,
  entry: InScope<{ id: number; org_path: string }>,
  photo: { caption: string | null; mime: ImageMime; bytes: Buffer; sha256: string; uploadedBy: number },
) {
  return db
    .insertInto('ledger_entry_photo')
    .values({
      entry_id: entry.id,
      org_path: entry.org_path,
      caption: photo.caption,
      mime: photo.mime,
      bytes: photo.bytes,
      size: photo.bytes.length,
      sha256: photo.sha256,
      uploaded_by: photo.uploadedBy,
    })
    .returning([...META])
    .executeTakeFirstOrThrow();
}

/** One photo of the entry, with its bytes. */
export function photoBytes(db: Executor, entry: InScope<{ id: number }>, photoId: number) {
  return db
    .selectFrom('ledger_entry_photo')
    .select(['id', 'mime', 'size', 'sha256', 'bytes'])
    .where('entry_id', '=', entry.id)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export function deletePhoto(db: Executor, entry: InScope<{ id: number }>, photoId: number) {
  return db
    .deleteFrom('ledger_entry_photo')
    .where('entry_id', '=', entry.id)
    .where('id', '=', photoId)
    .returning(['id', 'caption', 'size', 'sha256'])
    .executeTakeFirst();
}
