import type { Id, Timestamp } from '../../db/schema.js';
import type { EventPhotoMime, EventPhotoRole } from '../../../common/events.photos.js';

/** A photo of an event (0043): the image bytes in the row, with their type, size and hash. */
export type EventPhotoTable = {
  id: Id;
  event_id: number;
  role: EventPhotoRole;
  mime: EventPhotoMime;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  uploaded_by: number;
  created_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    event_photo: EventPhotoTable;
  }
}
