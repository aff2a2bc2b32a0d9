import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/ledger.photos.errors.js';
import { LEDGER_PHOTOS_MAX, LEDGER_PHOTO_LIMITS, type LedgerPhoto, type LedgerPhotoList } from '../../../common/ledger.photos.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { checkImage, imageFile, type ImageFile } from '../../http/image.js';
import { entryToRead, entryToWrite } from './ledger.service.js';
import * as repo from './ledger.photos.repo.js';

/**
 * Photos of a ledger entry (台账照片, issue #15): whoever reads the entry (organised or co-organised in their
 * ledger.read scope) sees them; whoever may correct it (organised in their ledger.write scope) uploads and deletes.
 */

function toPhoto(row: repo.LedgerPhotoRow): LedgerPhoto {
  const id = Number(row.id);
  const entryId = Number(row.entry_id);
  return {
    id,
    entryId,
    caption: row.caption,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: Number(row.uploaded_by),
    uploadedAt: new Date(row.uploaded_at).toISOString(),
    url: `/api/ledger/entries/${entryId}/photos/${id}`,
  };
}

const tooMany = () => new AppError('LEDGER_PHOTO_TOO_MANY', { max: LEDGER_PHOTOS_MAX });

/** The limit trigger of 0060 (a writer that passed the count by racing) in the catalogue's words; else as thrown. */
function mapLimit(error: unknown): unknown {
  return error instanceof Error && error.message.includes('ledger_entry_photo_limit') ? tooMany() : error;
}

/**
 * Stores an uploaded image on the entry: checks its type by its bytes and its size, keeps at most LEDGER_PHOTOS_MAX
 * per entry (counted under a lock on the entry), in one audited transaction.
 */
export async function uploadPhoto(
  db: Kysely<DB>,
  actor: Actor,
  entryId: number,
  caption: string | undefined,
  upload: { content: Buffer; truncated: boolean },
): Promise<LedgerPhoto> {
  try {
    return await db.transaction().execute(async (tx) => {
      const entry = await entryToWrite(tx, actor, entryId);
      const { mime, sha256 } = checkImage(upload, {
        maxBytes: LEDGER_PHOTO_LIMITS.maxBytes,
        tooLarge: () => new AppError('LEDGER_PHOTO_TOO_LARGE', { maxMb: LEDGER_PHOTO_LIMITS.maxBytes / 1024 / 1024 }),
        notImage: () => new AppError('LEDGER_PHOTO_TYPE'),
      });
      if ((await repo.lockAndCount(tx, entry)) >= LEDGER_PHOTOS_MAX) throw tooMany();
      const row = await repo.insertPhoto(tx, entry, {
        caption: caption || null,
        mime,
        bytes: upload.content,
        sha256,
        uploadedBy: actor.userId,
      });
      await recordWrite(
        tx,
        actor,
        'ledger.photo.upload',
        { type: 'ledger_entry', id: entry.id, orgPath: entry.org_path },
        { title: entry.title, photoId: Number(row.id), ...(row.caption ? { caption: row.caption } : {}), mime, bytes: row.size, sha256 },
      );
      return toPhoto(row);
    });
  } catch (error) {
    throw mapLimit(error);
  }
}

/** The photos of an entry the caller reads (metadata, no bytes), with the limit so a page can say how many are left. */
export async function listPhotos(db: Kysely<DB>, actor: Actor, entryId: number): Promise<LedgerPhotoList> {
  const entry = await entryToRead(db, actor, entryId);
  return { items: (await repo.photosOf(db, entry)).map(toPhoto), max: LEDGER_PHOTOS_MAX };
}

/** One photo's image, for a caller who reads the entry. */
export async function readPhoto(db: Kysely<DB>, actor: Actor, entryId: number, photoId: number): Promise<ImageFile> {
  const entry = await entryToRead(db, actor, entryId);
  const row = await repo.photoBytes(db, entry, photoId);
  if (!row) throw new AppError('LEDGER_PHOTO_NONE');
  return imageFile(row);
}

/** Deletes one photo of the entry (a caller who may correct it), audited with what it was. */
export async function deletePhoto(db: Kysely<DB>, actor: Actor, entryId: number, photoId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const entry = await entryToWrite(tx, actor, entryId);
    const removed = await repo.deletePhoto(tx, entry, photoId);
    if (!removed) throw new AppError('LEDGER_PHOTO_NONE');
    await recordWrite(
      tx,
      actor,
      'ledger.photo.delete',
      { type: 'ledger_entry', id: entry.id, orgPath: entry.org_path },
      {
        title: entry.title,
        photoId,
        ...(removed.caption ? { caption: removed.caption } : {}),
        bytes: removed.size,
        sha256: removed.sha256,
      },
    );
  });
}
