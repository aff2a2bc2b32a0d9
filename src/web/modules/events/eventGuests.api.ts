import { Guest, GuestList, GuestSignUpResult, type AddGuestBody, type GuestSignUpBody } from '../../../common/events.guests.js';
import { api } from '../../app/api.js';

/** Named non-members of an event (非会员): list, add, remove, sign up for a session. */
export const eventGuestsApi = {
  list: (eventId: number) => api.get(`/api/events/${eventId}/guests`, GuestList),
  add: (eventId: number, body: AddGuestBody) => api.post(`/api/events/${eventId}/guests`, Guest, body),
  remove: (eventId: number, guestId: number) => api.del(`/api/events/${eventId}/guests/${guestId}`),
  signUp: (eventId: number, guestId: number, body: GuestSignUpBody) =>
    api.post(`/api/events/${eventId}/guests/${guestId}/sign-up`, GuestSignUpResult, body),
};
