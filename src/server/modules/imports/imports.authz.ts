import fs from 'node:fs';
import path from 'node:path';
import { buildMember } from '../../testing/harness.js';
import type { AuthzFixtures, AuthzRequest, ModuleAuthz } from '../../testing/authz.js';

const boundary = 'matrixboundary';
let fixture: Buffer | undefined;

/** An upload of the messy roster (from /work/shared/fixtures beside the repository) to `orgId`. */
function uploadRequest(orgId: number): AuthzRequest {
  fixture ??= fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../shared/fixtures/roster-messy.xlsx'));
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    fixture,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { method: 'POST', url: `/api/imports?orgId=${orgId}`, payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A finished import job of the union U, uploaded by the admin. */
async function jobRegion(f: AuthzFixtures, job: number): Promise<number> {
  const db = f.ctx.database.db;
  return (await db.selectFrom('import_job').select('region_id').where('id', '=', job).executeTakeFirstOrThrow()).region_id;
}

async function importJob({ ctx, tree }: AuthzFixtures): Promise<number> {
  const response = await ctx.app.inject({
    ...uploadRequest(tree.dcUnion.id),
    headers: { cookie: ctx.adminCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  await ctx.app.importQueue.idle();
  return response.json<{ id: number }>().id;
}

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'GET /api/imports/template',
      action: 'member.read',
      write: false,
      unscoped: true,
      binary: true,
      request: async () => ({ method: 'GET', url: '/api/imports/template' }),
    },
    {
      route: 'POST /api/imports',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 202,
      target: 'union',
      request: async ({ tree }) => uploadRequest(tree.dcUnion.id),
    },
    {
      route: 'GET /api/imports',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async ({ tree }) => ({ method: 'GET', url: `/api/imports?orgId=${tree.dcUnion.id}` }),
    },
    {
      route: 'GET /api/imports/:id',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/imports/${await importJob(f)}` }),
    },
    {
      route: 'GET /api/imports/:id/errors',
      action: 'member.reveal',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/imports/${await importJob(f)}/errors` }),
    },
    {
      route: 'GET /api/imports/:id/elsewhere',
      action: 'member.write',
      visibleWith: 'member.read',
      write: false,
      target: 'union',
      request: async (f) => ({ method: 'GET', url: `/api/imports/${await importJob(f)}/elsewhere` }),
    },
    {
      route: 'POST /api/imports/:id/transfers',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      target: 'union',
      request: async (f) => {
        const job = await importJob(f);
        const other = await buildMember(f.ctx, f.elsewhere.id);
        const db = f.ctx.database.db;
        const path = (await db.selectFrom('member').select('org_path').where('id', '=', other.id).executeTakeFirstOrThrow()).org_path;
        await db
          .insertInto('import_job_elsewhere')
          .values({
            region_id: await jobRegion(f, job),
            job_id: job,
            member_region_id: Number(path.split('.')[1]),
            member_id: other.id,
            row_no: 2,
          })
          .execute();
        return { method: 'POST', url: `/api/imports/${job}/transfers` };
      },
    },
  ],
};
