import { z } from 'zod';

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
