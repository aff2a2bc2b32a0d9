import { CheckinPack, SyncResult, Ticket, type SyncBody } from '../../../common/events.checkin.js';
import { api } from '../../app/api.js';

/** Check-in: the member's ticket (member pages), the scanner's pack and sync (cadres). */
export const checkinApi = {
  ticket: (registrationId: number) => api.quiet('GET', `/api/portal/events/registrations/${registrationId}/ticket`, Ticket),
  pack: (eventId: number, sessionId: number) => api.get(`/api/events/${eventId}/sessions/${sessionId}/check-in/pack`, CheckinPack),
  sync: (eventId: number, sessionId: number, body: SyncBody) =>
    api.post(`/api/events/${eventId}/sessions/${sessionId}/check-in/sync`, SyncResult, body),
};
