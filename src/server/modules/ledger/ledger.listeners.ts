import type { Executor } from '../../db/executor.js';
import type { EventClosed } from '../events/events.admin.service.js';
import type { TrainingSessionHeld } from '../training/training.service.js';
import type { OutreachMeetingRecorded } from '../outreach/outreach.service.js';
import type { WelfareCampaignClosed } from '../welfare/welfare.service.js';
import * as repo from './ledger.repo.js';
import { recordModuleWork } from './ledger.service.js';

/**
 * The entries modules add when their work closes, each run inside the closing's transaction (the entry commits with
 * it), each once per record. The people are the module's own: an event counts the members who were checked in.
 * One piece of work adds one entry: a training session run through an event is the event's.
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

/** The Beijing day of an instant (UTC+8 all year). */
const beijingDay = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A training session held: its course's title, its day, the members marked present by then. A session taking its
 * sign-ups through an event (a 'training' event) adds nothing itself: one piece of work, one entry — the event's, added
 * when it closes, which counts the session's attendees with the event's, each person once.
 */
export async function trainingSessionHeld(tx: Executor, s: TrainingSessionHeld): Promise<void> {
  if (await repo.trainingSessionInEvent(tx, s.sessionId)) return;
  await recordModuleWork(tx, s.by, {
    module: 'training',
    recordId: s.sessionId,
    orgId: s.orgId,
    orgPath: s.orgPath,
    kind: 'training',
    title: s.title,
    summary: null,
    dateFrom: beijingDay(s.startsAt),
    dateTo: beijingDay(s.endsAt),
    place: s.place,
    coOrganisers: [],
    addMembers: (t, entryId) => repo.addTrainingAttendees(t, entryId, s.sessionId),
  });
}

/** An outreach meeting recorded: the module knows no list of the people there, so the entry gives no number. */
export async function outreachMeetingRecorded(tx: Executor, m: OutreachMeetingRecorded): Promise<void> {
  await recordModuleWork(tx, m.by, {
    module: 'outreach',
    recordId: m.meetingId,
    orgId: m.orgId,
    orgPath: m.orgPath,
    kind: 'outreach',
    title: m.title,
    summary: null,
    dateFrom: m.heldOn,
    dateTo: null,
    place: m.venue,
    coOrganisers: [],
  });
}

/**
 * A welfare campaign closed: its name, its period, the distinct members who received a hand-out (a named non-member
 * or a counted batch has no member to count), and the hand-outs given as a figure (each batch counted by its people).
 */
export async function welfareCampaignClosed(tx: Executor, c: WelfareCampaignClosed): Promise<void> {
  const facts = await repo.welfareFacts(tx, c.regionId, c.campaignId);
  await recordModuleWork(tx, c.by, {
    module: 'welfare',
    recordId: c.campaignId,
    orgId: c.orgId,
    orgPath: c.orgPath,
    kind: 'welfare',
    title: c.title,
    summary: c.description || null,
    dateFrom: c.startsOn,
    dateTo: c.endsOn,
    place: null,
    coOrganisers: facts.coOrganisers,
    figures: [{ value: facts.handedOut, unit: '人次', counts: '领取慰问品', approximate: false }],
    addMembers: (t, entryId) => repo.addWelfareRecipients(t, entryId, c.regionId, c.campaignId),
  });
}
