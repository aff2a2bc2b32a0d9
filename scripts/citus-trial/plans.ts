/**
 * EXPLAIN, on the coordinator, of every statement the journeys sent, with the parameters they sent: how many shard
 * tasks Citus makes of each (one: a router query to one shard; more: it fans out), and the full plan of the hot paths.
 */
import pg from 'pg';
import type { Statement } from './recorder.js';

type Plan = { step: string; text: string; calls: number; kind: string; tasks: number[]; lines: string[]; error?: string };

/** A parameter written into the statement: EXPLAIN on Citus fails to plan some statements with bound parameters
 * ("could not determine data type of parameter", "no value found for parameter"), so the values go in as literals. */
function literal(value: unknown): string {
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return value < 0 ? `(${value})` : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return quote(value.toISOString());
  if (Buffer.isBuffer(value)) return quote(`\\x${value.toString('hex')}`);
  if (Array.isArray(value)) return quote(arrayLiteral(value));
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(String(value));
}

function arrayLiteral(values: readonly unknown[]): string {
  const element = (v: unknown): string =>
    v === null || v === undefined
      ? 'NULL'
      : Array.isArray(v)
        ? arrayLiteral(v)
        : `"${(v instanceof Date ? v.toISOString() : String(v)).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(element).join(',')}}`;
}

export function inlineParameters(text: string, values: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (match, n: string) => (Number(n) <= values.length ? literal(values[Number(n) - 1]) : match));
}

/** Statements that plan nothing worth showing. */
const NOT_PLANNED = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|SHOW|LOCK|CREATE|DROP|ALTER|ANALYZE)\b/i;

function classify(lines: readonly string[]): { kind: string; tasks: number[] } {
  const tasks = lines.flatMap((l) => {
    const m = /Task Count: (\d+)/.exec(l);
    return m ? [Number(m[1])] : [];
  });
  const citus = lines.some((l) => /Custom Scan \(Citus/.test(l));
  const insertSelect = lines.find((l) => /INSERT \.\.\. SELECT|INSERT\/SELECT method/i.test(l));
  if (!citus) return { kind: 'coordinator only (local tables)', tasks };
  const most = Math.max(0, ...tasks);
  const kind =
    most > 1 ? `FANS OUT (${tasks.join('+')} tasks)` : `router (${tasks.length > 1 ? `${tasks.length} scans, ` : ''}1 task each)`;
  return { kind: insertSelect ? `${kind}; ${insertSelect.trim()}` : kind, tasks };
}

/** The part of a plan Citus adds: its scans, task counts, subplans and the first node under each task. */
function citusPart(lines: readonly string[]): string[] {
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (
      /Custom Scan \(Citus|Task Count|Tasks Shown|Node: host|Distributed Subplan|INSERT\/SELECT method|Citus|Subplan|Result destination/.test(
        line,
      )
    )
      kept.push(line);
    else if (/->\s+Task$/.test(line.trim()) || /^\s*->\s+Task\s*$/.test(line)) kept.push(line);
    // The first two plan nodes on the shard: the scan shows which shard and index.
    else if (i > 0 && (/Node: host/.test(lines[i - 1] ?? '') || /Node: host/.test(lines[i - 2] ?? ''))) kept.push(line);
  });
  return kept;
}

export async function printPlans(url: string, statements: readonly Statement[], hotSteps: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plans = new Map<string, Plan>();
  try {
    for (const s of statements) {
      if (NOT_PLANNED.test(s.text)) continue;
      const key = `${s.step}\u0000${s.text}`;
      const known = plans.get(key);
      if (known) {
        known.calls++;
        continue;
      }
      const plan: Plan = { step: s.step, text: s.text, calls: 1, kind: '', tasks: [], lines: [] };
      try {
        await client.query('BEGIN');
        const result = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (COSTS OFF) ${inlineParameters(s.text, s.values)}`);
        plan.lines = result.rows.map((r) => r['QUERY PLAN']);
        Object.assign(plan, classify(plan.lines));
      } catch (error) {
        plan.error = error instanceof Error ? error.message : String(error);
        plan.kind = `EXPLAIN failed: ${plan.error}`;
      } finally {
        await client.query('ROLLBACK');
      }
      plans.set(key, plan);
    }
  } finally {
    await client.end();
  }
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  console.log('\n## Every statement of the journeys: router or fanned out');
  for (const p of plans.values()) console.log(`${p.step.padEnd(34)} ${p.kind.padEnd(40)} ×${p.calls}  ${oneLine(p.text).slice(0, 160)}`);

  // The same statement sent by several steps is one line, with the steps that sent it.
  const fannedOut = new Map<string, { kind: string; steps: Set<string> }>();
  for (const p of plans.values()) {
    if (!p.tasks.some((t) => t > 1)) continue;
    const text = oneLine(p.text);
    const seen = fannedOut.get(text) ?? { kind: p.kind, steps: new Set<string>() };
    seen.steps.add(p.step);
    fannedOut.set(text, seen);
  }
  console.log(`\n## Statements that fan out: ${fannedOut.size} distinct`);
  for (const [text, { kind, steps }] of fannedOut) console.log(`${kind} — ${[...steps].join('; ')}\n    ${text.slice(0, 700)}`);

  console.log('\n## The hot paths: EXPLAIN (Citus part) of their statements on distributed and coordinator tables');
  const distributed = await distributedTables(url);
  const touchesDistributed = (text: string) => distributed.some((t) => new RegExp(`\\b"?${t}"?\\b`).test(text));
  for (const p of plans.values()) {
    if (!hotSteps.includes(p.step) || !touchesDistributed(p.text)) continue;
    console.log(`\n-- ${p.step}: ${p.kind}\n-- ${oneLine(p.text).slice(0, 1500)}`);
    for (const line of citusPart(p.lines)) console.log(line);
  }
}

async function distributedTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      // Distributed tables, and the coordinator's tables in Citus metadata (org_coverage: coverage is read there) but
      // for the sessions every request reads.
      "SELECT logicalrelid::regclass::text AS name FROM pg_dist_partition WHERE partmethod = 'h' OR (repmodel = 's' AND logicalrelid <> 'user_session'::regclass) ORDER BY 1",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}
