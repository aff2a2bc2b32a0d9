import { z } from 'zod';
import { MemberEventList, MemberRegistration, type SignUpBody } from '../../../common/events.js';
import type { PreferencesBody } from '../../../common/events.draw.js';
import { CheckinResult, TrainingRecord, type CheckinBody } from '../../../common/training.js';
import { api } from '../../app/api.js';

const MyRegistrations = z.object({ items: z.array(MemberRegistration) });

/** The member's side of events and training (the member session of /join/member): a 401 is an answer, not a redirect. */
export const myEventsApi = {
  events: () => api.quiet('GET', '/api/portal/events', MemberEventList),
  registrations: () => api.quiet('GET', '/api/portal/events/registrations', MyRegistrations),
  signUp: (body: SignUpBody) => api.quiet('POST', '/api/portal/events/registrations', MemberRegistration, body),
  cancel: (id: number) => api.quiet('POST', `/api/portal/events/registrations/${id}/cancel`, MemberRegistration, {}),
  preferences: (body: PreferencesBody) => api.quiet('POST', '/api/portal/events/preferences', MemberRegistration, body),
  accept: (id: number) => api.quiet('POST', `/api/portal/events/registrations/${id}/accept`, MemberRegistration, {}),
};

export const myTrainingApi = {
  record: () => api.quiet('GET', '/api/portal/training/record', TrainingRecord),
  checkIn: (body: CheckinBody) => api.quiet('POST', '/api/portal/training/checkins', CheckinResult, body),
};
