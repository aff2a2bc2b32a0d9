import { EventGrouping, type GroupingBody } from '../../../common/events.grouping.js';
import { api } from '../../app/api.js';

/** Random grouping of a session (随机分组): group it (owner), read its latest grouping (404 when there is none). */
export const eventGroupingApi = {
  group: (eventId: number, sessionId: number, body: GroupingBody) =>
    api.post(`/api/events/${eventId}/sessions/${sessionId}/groupings`, EventGrouping, body),
  latest: (eventId: number, sessionId: number) => api.get(`/api/events/${eventId}/sessions/${sessionId}/groupings/latest`, EventGrouping),
  /** The latest grouping as .xlsx: the people of the caller's units, phones masked. */
  download: (eventId: number, sessionId: number) =>
    api.download(`/api/events/${eventId}/sessions/${sessionId}/groupings/latest/export`, {}, `event-${eventId}-groups.xlsx`),
};
