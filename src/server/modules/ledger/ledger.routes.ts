import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import {
  CreateLedgerEntryBody,
  DeleteLedgerEntryQuery,
  LedgerEntry,
  LedgerEntryDetail,
  LedgerEntryPage,
  LedgerExportQuery,
  LedgerListQuery,
  LedgerRollup,
  LedgerRollupQuery,
  UpdateLedgerEntryBody,
} from '../../../common/ledger.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attachmentDisposition } from '../../http/attachment.js';
import * as ledger from './ledger.service.js';
import { startLedgerExport } from './ledger.export.js';
import * as listeners from './ledger.listeners.js';
import { ledgerImportRoutes } from './ledger.import.routes.js';
import { ledgerPhotoRoutes } from './ledger.photos.routes.js';

/** The work ledger (工作台账, issue #15): entries, a node's year, its subtree's roll-up, the Excel export. */
export function ledgerRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  r.post('/api/ledger/entries', { schema: { tags, body: CreateLedgerEntryBody, response: { 201: LedgerEntry } } }, async (req, reply) =>
    reply.status(201).send(await ledger.createEntry(db, requireActor(req), req.body)),
  );
  r.get('/api/ledger/entries', { schema: { tags, querystring: LedgerListQuery, response: { 200: LedgerEntryPage } } }, async (req) =>
    ledger.listEntries(db, requireActor(req), req.query),
  );
  r.get('/api/ledger/entries/:id', { schema: { tags, params: IdParam, response: { 200: LedgerEntryDetail } } }, async (req) =>
    ledger.getEntry(db, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/ledger/entries/:id',
    { schema: { tags, params: IdParam, body: UpdateLedgerEntryBody, response: { 200: LedgerEntry } } },
    async (req) => ledger.updateEntry(db, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/ledger/entries/:id', { schema: { tags, params: IdParam, querystring: DeleteLedgerEntryQuery } }, async (req, reply) => {
    await ledger.deleteEntry(db, requireActor(req), req.params.id, req.query.version);
    return reply.status(204).send();
  });
  r.get('/api/ledger/rollup', { schema: { tags, querystring: LedgerRollupQuery, response: { 200: LedgerRollup } } }, async (req) =>
    ledger.rollup(db, requireActor(req), req.query),
  );
  r.get('/api/ledger/export', { schema: { tags, querystring: LedgerExportQuery } }, async (req, reply) => {
    // Authorisation happens before the first byte; a later failure cuts the download short.
    const started = await startLedgerExport(db, requireActor(req), req.query, req.locale);
    const stream = new PassThrough();
    started.write(stream).catch((error: unknown) => {
      req.log.error({ err: error }, 'ledger export failed');
      stream.destroy(error as Error);
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentDisposition(started.fileName, `ledger-${req.query.orgId}-${req.query.year}.xlsx`))
      .send(stream);
  });
  ledgerImportRoutes(app, deps);
  ledgerPhotoRoutes(app, deps);
  // Modules add their entries when their work closes, inside their own transaction.
  const unsubscribe = [
    deps.events.on('event.closed', listeners.eventClosed),
    deps.events.on('training.session.held', listeners.trainingSessionHeld),
    deps.events.on('outreach.meeting.recorded', listeners.outreachMeetingRecorded),
    deps.events.on('welfare.campaign.closed', listeners.welfareCampaignClosed),
  ];
  app.addHook('onClose', async () => unsubscribe.forEach((off) => off()));
}
