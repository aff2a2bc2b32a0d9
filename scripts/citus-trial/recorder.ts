/**
 * Every SQL statement the application sends while the journeys run, with its parameters and the step that sent
 * it, so that each can be EXPLAINed afterwards on the coordinator. The application's pool is made inside
 * openDatabase, so the recorder listens where every query passes: pg.Client.prototype.query (a trial tool; nothing
 * in the application changes).
 */
import pg from 'pg';

export type Statement = { step: string; text: string; values: readonly unknown[] };

export type Recorder = {
  /** Statements from now on belong to this step. */
  step(name: string): void;
  statements(): readonly Statement[];
  /** Runs the trial's own queries (finding places, checking outcomes) unrecorded. */
  aside<T>(work: () => Promise<T>): Promise<T>;
  stop(): void;
};

type QueryFunction = (this: pg.Client, ...args: unknown[]) => unknown;

export function startRecording(): Recorder {
  const prototype = pg.Client.prototype as unknown as { query: QueryFunction };
  const original = prototype.query;
  const recorded: Statement[] = [];
  let current = 'start';
  let paused = 0;
  prototype.query = function (this: pg.Client, ...args: unknown[]): unknown {
    const [first, second] = args;
    if (typeof first === 'string' && paused === 0)
      recorded.push({ step: current, text: first, values: Array.isArray(second) ? second : [] });
    return original.apply(this, args);
  };
  return {
    step: (name) => (current = name),
    statements: () => recorded,
    aside: async (work) => {
      paused++;
      try {
        return await work();
      } finally {
        paused--;
      }
    },
    stop: () => {
      prototype.query = original;
    },
  };
}
