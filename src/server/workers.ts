import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts the worker thread whose body is the sibling module `name` of `from` (an `import.meta.url`): the compiled
 * `name.js` when running from the build, the TypeScript `name.ts` through tsx's API when running from the sources
 * (tsx, vitest) — tsx resolves from the working directory, the checkout.
 */
export function startWorker(from: string, name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const fromSources = from.endsWith('.ts');
  const body = new URL(`./${name}${fromSources ? '.ts' : '.js'}`, from);
  return fromSources
    ? new Worker(`import('tsx/esm/api').then((tsx) => tsx.tsImport(${JSON.stringify(body.href)}, ${JSON.stringify(from)}))`, {
        eval: true,
        workerData,
        ...(resourceLimits ? { resourceLimits } : {}),
      })
    : new Worker(body, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
}
