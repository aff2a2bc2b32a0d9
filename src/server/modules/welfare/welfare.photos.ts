import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { AppError } from '../../../common/errors.js';
import '../../../common/welfare.errors.js';
import type { HandoutPhoto } from '../../../common/welfare.js';
import { recordWrite } from '../../audit/audit.js';
import { inScope, scopeCovers, scopeFor, type Actor } from '../../auth/scope.js';
import { SealedFileError } from '../../crypto/sealed-file.js';
import type { Deps } from '../../deps.js';
import { sniffImage } from '../../http/image.js';
import type { Executor } from '../../db/executor.js';
import { findCampaignFor } from './welfare.service.js';

/**
 * The photo of a counted batch hand-out at a site (issue #12): uploaded after the hand-out is recorded, one per
 * hand-out, kept as evidence — never replaced or removed. People are in the picture, so the image is a sealed file
 * (crypto/sealed-file.ts) under the data directory; its row (0034_handout_photo.sql) names it with type, size and hash.
 */
export const PHOTO_MAX_BYTES = 8 * 1024 * 1024;
type PhotoDeps = Pick<Deps, 'db' | 'files' | 'config'>;

/**
 * A hand-out of the campaign the caller may see, by its node's path in SQL (else NOT_FOUND); for a write, a caller who
 * sees it but may not write there is FORBIDDEN.
 */
async function handoutFor(db: Executor, actor: Actor, campaignId: number, handoutId: number, action: 'welfare.read' | 'welfare.write') {
  const campaign = await findCampaignFor(db, actor, campaignId);
  const row = await db
    .selectFrom('welfare_handout as h')
    .select(['h.region_id', 'h.id', 'h.kind', 'h.org_path'])
    .where('h.region_id', '=', campaign.region_id)
    .where('h.campaign_id', '=', campaign.id)
    .where('h.id', '=', handoutId)
    .where(inScope(scopeFor(actor, 'welfare.read'), sql.ref('h.org_path')))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (action === 'welfare.write' && !scopeCovers(scopeFor(actor, action), row.org_path)) throw new AppError('FORBIDDEN');
  return { campaign, handout: row };
}

export async function addHandoutPhoto(
  deps: PhotoDeps,
  actor: Actor,
  campaignId: number,
  handoutId: number,
  upload: { content: Buffer; truncated: boolean },
): Promise<HandoutPhoto> {
  const { campaign, handout } = await handoutFor(deps.db, actor, campaignId, handoutId, 'welfare.write');
  if (handout.kind !== 'batch') throw new AppError('WELFARE_PHOTO_BATCH_ONLY');
  if (upload.truncated || upload.content.length > PHOTO_MAX_BYTES)
    throw new AppError('WELFARE_PHOTO_TOO_LARGE', { maxMb: PHOTO_MAX_BYTES / 1024 / 1024 });
  const mime = sniffImage(upload.content.subarray(0, 16));
  if (!mime) throw new AppError('WELFARE_PHOTO_TYPE');
  const dir = path.join(deps.config.dataDir, 'welfare-photos');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(dir, `${handout.region_id}-${handout.id}-${randomBytes(6).toString('hex')}.${mime.slice(6)}.sealed`);
  await pipeline(Readable.from([upload.content]), deps.files.createWriteStream(target));
  try {
    const row = await deps.db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('welfare_handout_photo')
        .values({
          region_id: handout.region_id,
          handout_id: handout.id,
          file_path: target,
          mime,
          bytes: upload.content.length,
          sha256: createHash('sha256').update(upload.content).digest('hex'),
          actor_user_id: actor.userId,
        })
        .onConflict((oc) => oc.columns(['region_id', 'handout_id']).doNothing())
        .returning(['handout_id', 'mime', 'bytes', 'created_at'])
        .executeTakeFirst();
      if (!inserted) throw new AppError('WELFARE_PHOTO_EXISTS');
      await recordWrite(
        tx,
        actor,
        'welfare.handout.photo',
        { type: 'welfare_campaign', id: campaign.id, orgPath: handout.org_path },
        { handoutId: handout.id, bytes: upload.content.length },
      );
      return inserted;
    });
    return { handoutId: Number(row.handout_id), mime: row.mime, bytes: row.bytes, createdAt: new Date(row.created_at).toISOString() };
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}

/** The photo's plaintext as a stream, for a caller who may read the hand-out. */
export async function openHandoutPhoto(
  deps: PhotoDeps,
  actor: Actor,
  campaignId: number,
  handoutId: number,
): Promise<{ mime: string; bytes: number; stream: Readable }> {
  const { handout } = await handoutFor(deps.db, actor, campaignId, handoutId, 'welfare.read');
  const photo = await deps.db
    .selectFrom('welfare_handout_photo')
    .select(['file_path', 'mime', 'bytes'])
    .where('region_id', '=', handout.region_id)
    .where('handout_id', '=', handout.id)
    .executeTakeFirst();
  if (!photo) throw new AppError('WELFARE_PHOTO_NONE');
  try {
    const sealed = await deps.files.open(photo.file_path);
    const stream = sealed.createReadStream();
    stream.once('close', () => void sealed.close());
    return { mime: photo.mime, bytes: photo.bytes, stream };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SealedFileError) throw new AppError('WELFARE_PHOTO_NONE');
    throw error;
  }
}
