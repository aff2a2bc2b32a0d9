import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import {
  CreateOrgBody,
  CreateZoneBody,
  MoveOrgBody,
  Org,
  OrgChild,
  OrgChildrenQuery,
  OrgSearchHit,
  OrgSearchQuery,
  OrgWithAncestors,
  UpdateOrgBody,
  Zone,
} from '../../../common/orgs.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as orgs from './orgs.service.js';

export function orgRoutes(app: FastifyInstance, { db, events }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orgs'];

  r.get('/api/orgs/roots', { schema: { tags, response: { 200: z.object({ items: z.array(Org) }) } } }, async (req) =>
    orgs.listRoots(db, requireActor(req)),
  );
  r.get(
    '/api/orgs/search',
    { schema: { tags, querystring: OrgSearchQuery, response: { 200: z.object({ items: z.array(OrgSearchHit) }) } } },
    async (req) => orgs.searchOrgs(db, requireActor(req), req.query),
  );
  r.get('/api/orgs/:id', { schema: { tags, params: IdParam, response: { 200: OrgWithAncestors } } }, async (req) =>
    orgs.getOrg(db, requireActor(req), req.params.id),
  );
  r.get(
    '/api/orgs/:id/children',
    { schema: { tags, params: IdParam, querystring: OrgChildrenQuery, response: { 200: pageOf(OrgChild) } } },
    async (req) => orgs.listChildren(db, requireActor(req), req.params.id, req.query),
  );
  r.post('/api/orgs', { schema: { tags, body: CreateOrgBody, response: { 201: Org } } }, async (req, reply) =>
    reply.status(201).send(await orgs.createOrg(db, requireActor(req), req.body)),
  );
  r.patch('/api/orgs/:id', { schema: { tags, params: IdParam, body: UpdateOrgBody, response: { 200: Org } } }, async (req) =>
    orgs.updateOrg(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/orgs/:id/move', { schema: { tags, params: IdParam, body: MoveOrgBody, response: { 200: Org } } }, async (req) =>
    orgs.moveOrg(db, events, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/orgs/:id', { schema: { tags, params: IdParam, response: { 204: z.null() } } }, async (req, reply) => {
    await orgs.deleteOrg(db, requireActor(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.get('/api/orgs/:id/zones', { schema: { tags, params: IdParam, response: { 200: z.object({ items: z.array(Zone) }) } } }, async (req) =>
    orgs.listZones(db, requireActor(req), req.params.id),
  );
  r.post('/api/orgs/:id/zones', { schema: { tags, params: IdParam, body: CreateZoneBody, response: { 201: Zone } } }, async (req, reply) =>
    reply.status(201).send(await orgs.createZone(db, requireActor(req), req.params.id, req.body.name)),
  );
}
