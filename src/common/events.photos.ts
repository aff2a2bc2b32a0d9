import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';

/** Photos of an event (活动图片, issue #13): the cover shown under its title, and the photos of its closing summary. */
export const eventPhotoRoles = ['cover', 'closing'] as const;
export type EventPhotoRole = (typeof eventPhotoRoles)[number];
export const eventPhotoMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type EventPhotoMime = (typeof eventPhotoMimes)[number];

export const EVENT_PHOTO_LIMITS = {
  /** 5 MB per image. */
  maxBytes: 5 * 1024 * 1024,
  /** Photos of one event, cover included. */
  maxPerEvent: 20,
} as const;

export const EventPhotoUploadQuery = z.object({ role: z.enum(eventPhotoRoles).default('closing') });

export const EventPhotoParams = z.object({ id: z.coerce.number().int().positive(), photoId: z.coerce.number().int().positive() });

export const EventPhoto = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  role: z.enum(eventPhotoRoles),
  mime: z.enum(eventPhotoMimes),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
  /** Where the image itself is read (cadre console). */
  url: z.string(),
});
export type EventPhoto = z.infer<typeof EventPhoto>;

export const EventPhotoList = z.object({ items: z.array(EventPhoto) });
export type EventPhotoList = z.infer<typeof EventPhotoList>;

defineAuditActions({
  'event.photo.upload': {
    label: { 'zh-CN': '上传活动照片', en: 'Event photo uploaded' },
    sentence: { 'zh-CN': '为活动 {target} 上传照片', en: 'Uploaded a photo of event {target}' },
  },
  'event.photo.delete': {
    label: { 'zh-CN': '删除活动照片', en: 'Event photo deleted' },
    sentence: { 'zh-CN': '删除活动 {target} 的一张照片', en: 'Deleted a photo of event {target}' },
  },
});
