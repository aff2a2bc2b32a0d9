import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.photos.errors.js';
import '../../../common/portal.errors.js';
import { EVENT_PHOTO_LIMITS, type EventPhoto, type EventPhotoRole } from '../../../common/events.photos.js';
import type { Actor } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { recordWrite } from '../../audit/audit.js';
import { checkImage, imageFile, type ImageFile } from '../../http/image.js';
import { assertOwner, findEventFor } from './events.service.js';
import { memberOf } from './events.repo.js';
import * as repo from './events.photos.repo.js';

/**
 * Photos of an event (活动图片, issue #13): one cover shown under its title and on the member's phone, and the photos
 * of its closing summary. The owner node's cadres (event.write) upload and delete; whoever sees the event reads them.
 */

function toPhoto(row: repo.EventPhotoRow): EventPhoto {
  const id = Number(row.id);
  const eventId = Number(row.event_id);
  return {
    id,
    eventId,
    role: row.role,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
    url: `/api/events/${eventId}/photos/${id}`,
  };
}

const tooLarge = () => new AppError('EVENT_PHOTO_TOO_LARGE', { maxMb: EVENT_PHOTO_LIMITS.maxBytes / 1024 / 1024 });

/**
 * Stores an uploaded image on the event: checks its type by magic bytes and its size, keeps at most 20 per event
 * (counted under a lock on the event), and replaces the cover when a new one comes — all in one audited transaction.
 */
export async function uploadPhoto(
  db: Kysely<DB>,
  actor: Actor,
  eventId: number,
  role: EventPhotoRole,
  upload: { content: Buffer; truncated: boolean },
): Promise<EventPhoto> {
  return db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    const { mime, sha256 } = checkImage(upload, {
      maxBytes: EVENT_PHOTO_LIMITS.maxBytes,
      tooLarge,
      notImage: () => new AppError('EVENT_PHOTO_TYPE'),
    });
    const count = await repo.lockAndCount(tx, event);
    const replaced = role === 'cover' ? await repo.deleteCover(tx, event) : undefined;
    if (count - (replaced === undefined ? 0 : 1) >= EVENT_PHOTO_LIMITS.maxPerEvent)
      throw new AppError('EVENT_PHOTO_TOO_MANY', { max: EVENT_PHOTO_LIMITS.maxPerEvent });
    const row = await repo.insertPhoto(tx, event, { role, mime, bytes: upload.content, sha256, uploadedBy: actor.userId });
    await recordWrite(
      tx,
      actor,
      'event.photo.upload',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { photoId: Number(row.id), role, mime, size: row.size, sha256, ...(replaced === undefined ? {} : { replaced: Number(replaced) }) },
    );
    return toPhoto(row);
  });
}

/** The photos of an event the caller sees (metadata, no bytes). */
export async function listPhotos(db: Kysely<DB>, actor: Actor, eventId: number): Promise<{ items: EventPhoto[] }> {
  const event = await findEventFor(db, actor, eventId);
  return { items: (await repo.photosOf(db, event)).map(toPhoto) };
}

/** One photo's image, for a caller who sees the event. */
export async function readPhoto(db: Kysely<DB>, actor: Actor, eventId: number, photoId: number): Promise<ImageFile> {
  const event = await findEventFor(db, actor, eventId);
  const row = await repo.photoBytes(db, event, photoId);
  if (!row) throw new AppError('EVENT_PHOTO_NONE');
  return imageFile(row);
}

/** Deletes one photo of the event (owner node only), audited. */
export async function deletePhoto(db: Kysely<DB>, actor: Actor, eventId: number, photoId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const event = await findEventFor(tx, actor, eventId);
    assertOwner(actor, event);
    const removed = await repo.deletePhoto(tx, event, photoId);
    if (!removed) throw new AppError('EVENT_PHOTO_NONE');
    await recordWrite(
      tx,
      actor,
      'event.photo.delete',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { photoId, role: removed.role, size: removed.size },
    );
  });
}

/** The cover of an event, for a signed-in member whose union is in its audience (else 404: the event is not theirs). */
export async function coverForMember(db: Kysely<DB>, member: MemberPrincipal, eventId: number): Promise<ImageFile> {
  const me = await memberOf(db, member);
  if (!me) throw new AppError('MEMBER_UNAUTHENTICATED');
  const row = await repo.coverForMember(db, me.org_path, eventId);
  if (!row) throw new AppError('EVENT_PHOTO_NONE');
  return imageFile(row);
}
