import { EventPhoto, EventPhotoList, type EventPhotoRole } from '../../../common/events.photos.js';
import { api } from '../../app/api.js';

/** Photos of an event (活动图片): the cover and the closing summary's photos. */
export const eventPhotosApi = {
  list: (eventId: number) => api.get(`/api/events/${eventId}/photos`, EventPhotoList),
  upload: (eventId: number, role: EventPhotoRole, file: File) => api.upload(`/api/events/${eventId}/photos?role=${role}`, file, EventPhoto),
  remove: (photo: EventPhoto) => api.del(photo.url),
};
