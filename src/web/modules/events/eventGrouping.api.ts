import { EventGrouping, type GroupingBody } from '../../../common/events.grouping.js';
import { api } from '../../app/api.js';

/** Random grouping of a session (随机分组): group it (owner), read its latest grouping (404 when there is none). */
export const eventGroupingApi = {
  group: (eventId: number, sessionId: number, body: GroupingBody) =>
    api.post(`/api/events/${eventId}/sessions/${sessionId}/groupings`, EventGrouping, body),
  latest: (eventId: number, sessionId: number) => api.get(`/api/events/${eventId}/sessions/${sessionId}/groupings/latest`, EventGrouping),
};
