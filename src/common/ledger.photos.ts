import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';
import { imageMimes } from './images.js';

/**
 * Photos of a work-ledger entry (台账照片, issue #15): pictures of the work, kept with the entry beside its source
 * article. At most LEDGER_PHOTOS_MAX per entry (the database refuses a tenth as well).
 */
export const LEDGER_PHOTOS_MAX = 9;

export const LEDGER_PHOTO_LIMITS = {
  /** 5 MB per image, as event photos. */
  maxBytes: 5 * 1024 * 1024,
  caption: 200,
} as const;

export const LedgerPhotoUploadQuery = z.object({
  caption: z.string().trim().max(LEDGER_PHOTO_LIMITS.caption).optional(),
});
export type LedgerPhotoUploadQuery = z.infer<typeof LedgerPhotoUploadQuery>;

export const LedgerPhotoParams = z.object({ id: z.coerce.number().int().positive(), photoId: z.coerce.number().int().positive() });

export const LedgerPhoto = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  caption: z.string().nullable(),
  mime: z.enum(imageMimes),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int(),
  uploadedAt: z.string(),
  /** Where the image itself is read (cadre console). */
  url: z.string(),
});
export type LedgerPhoto = z.infer<typeof LedgerPhoto>;

export const LedgerPhotoList = z.object({ items: z.array(LedgerPhoto), max: z.number().int() });
export type LedgerPhotoList = z.infer<typeof LedgerPhotoList>;

defineAuditActions({
  'ledger.photo.upload': {
    label: { 'zh-CN': '上传台账照片', en: 'Ledger photo uploaded' },
    sentence: { 'zh-CN': '为台账条目 {target} 上传照片', en: 'Uploaded a photo of the ledger entry {target}' },
  },
  'ledger.photo.delete': {
    label: { 'zh-CN': '删除台账照片', en: 'Ledger photo deleted' },
    sentence: { 'zh-CN': '删除台账条目 {target} 的一张照片', en: 'Deleted a photo of the ledger entry {target}' },
  },
});
