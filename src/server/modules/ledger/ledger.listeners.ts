import type { Executor } from '../../db/executor.js';
import type { EventClosed } from '../events/events.admin.service.js';
import * as repo from './ledger.repo.js';
import { recordModuleWork } from './ledger.service.js';

/**
 * The entries modules add when their work closes, each run inside the closing's transaction (the entry commits with
 * it), each once per record. The people are the module's own: an event counts the members who were checked in.
 */
export async function eventClosed(tx: Executor, e: EventClosed): Promise<void> {
  const facts = await repo.eventFacts(tx, e.eventId);
  if (!facts.date_from) return;
  await recordModuleWork(tx, e.by, {
    module: 'events',
    recordId: e.eventId,
    orgId: e.orgId,
    orgPath: e.orgPath,
    kind: e.kind === 'training' ? 'training' : 'event',
    title: e.title,
    summary: facts.summary ?? null,
    dateFrom: facts.date_from,
    dateTo: facts.date_to ?? null,
    place: facts.place ?? null,
    coOrganisers: facts.coOrganisers,
    addMembers: (t, entryId) => repo.addEventAttendees(t, entryId, e.eventId),
  });
}
