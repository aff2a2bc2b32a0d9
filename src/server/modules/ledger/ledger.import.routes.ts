import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/ledger.import.errors.js';
import '../../../common/ledger.report.errors.js';
import { IdParam } from '../../../common/paging.js';
import { CreateLedgerEntryBody, LedgerEntry } from '../../../common/ledger.js';
import { REPORT_PAGE_MAX_BYTES } from '../../../common/ledger.report.js';
import {
  LedgerImport,
  LedgerImportListQuery,
  LedgerImportPage,
  LedgerImportProposalParams,
  LedgerImportQuery,
} from '../../../common/ledger.import.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { readUploadedFile } from '../../http/upload.js';
import * as imports from './ledger.import.service.js';
import type { ReceivedPage } from './ledger.import.service.js';

const MB = 1024 * 1024;

/** The page's size refused with the parser's own message (sizes in MB), before a byte of a 50 MB paste is read. */
function pageTooLarge(bytes: number): AppError {
  return new AppError('LEDGER_REPORT_PAGE_TOO_LARGE', { maxMb: REPORT_PAGE_MAX_BYTES / MB, gotMb: Math.round((bytes / MB) * 10) / 10 });
}

function declaredBytes(req: FastifyRequest): number {
  const length = Number(req.headers['content-length']);
  return Number.isFinite(length) ? length : 0;
}

/** The page of the request: a text/plain body, or the one file of a multipart upload (at most one page's bytes). */
async function receivedPage(req: FastifyRequest): Promise<ReceivedPage> {
  if (req.isMultipart()) {
    const file = await readUploadedFile(req, {
      maxBytes: REPORT_PAGE_MAX_BYTES,
      oneFile: true,
      missing: () => new AppError('LEDGER_IMPORT_UPLOAD_MISSING'),
      tooLarge: () => pageTooLarge(declaredBytes(req)),
    });
    if (file.truncated) throw pageTooLarge(declaredBytes(req));
    return { bytes: file.bytes, fileName: file.fileName };
  }
  if (typeof req.body !== 'string') throw new AppError('LEDGER_IMPORT_UPLOAD_MISSING');
  return { text: req.body, fileName: null };
}

/** The report import of the ledger (issue #15): a page → a draft of proposed entries → confirmed or discarded. */
export function ledgerImportRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];
  r.post(
    '/api/ledger/imports',
    {
      schema: { tags, querystring: LedgerImportQuery, response: { 201: LedgerImport } },
      // A page in UTF-8 is at most REPORT_PAGE_MAX_BYTES; the margin lets the parser say so in its own words.
      bodyLimit: REPORT_PAGE_MAX_BYTES + 64 * 1024,
      onRequest: async (req) => {
        if (!req.isMultipart() && declaredBytes(req) > REPORT_PAGE_MAX_BYTES + 64 * 1024) throw pageTooLarge(declaredBytes(req));
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const page = await receivedPage(req);
      return reply.status(201).send(await imports.importPage(db, actor, req.query.orgId, page));
    },
  );
  r.get('/api/ledger/imports', { schema: { tags, querystring: LedgerImportListQuery, response: { 200: LedgerImportPage } } }, async (req) =>
    imports.listImports(db, requireActor(req), req.query),
  );
  r.get('/api/ledger/imports/:id', { schema: { tags, params: IdParam, response: { 200: LedgerImport } } }, async (req) =>
    imports.getImport(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/ledger/imports/:id/proposals/:position/confirm',
    { schema: { tags, params: LedgerImportProposalParams, body: CreateLedgerEntryBody, response: { 201: LedgerEntry } } },
    async (req, reply) =>
      reply.status(201).send(await imports.confirmProposal(db, requireActor(req), req.params.id, req.params.position, req.body)),
  );
  r.post(
    '/api/ledger/imports/:id/proposals/:position/discard',
    { schema: { tags, params: LedgerImportProposalParams, response: { 200: LedgerImport } } },
    async (req) => imports.discardProposal(db, requireActor(req), req.params.id, req.params.position),
  );
}
