/** A worker thread's body: prepares a roster's rows (`prepareFile`) and posts them, at most `PREPARED_AHEAD` batches ahead of the writer. */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../common/errors.js';
import { createPiiCipher, loadMasterSecret } from '../../crypto/pii.js';
import { createFileSealer } from '../../crypto/sealed-file.js';
import { failureOf, prepareFile, PREPARED_AHEAD, type FromWorker, type WorkerInput } from './imports.prepare.js';

const input = workerData as WorkerInput;
const port = parentPort!;
let credits = PREPARED_AHEAD;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});
const post = (message: FromWorker) => port.postMessage(message);

try {
  const master = loadMasterSecret({ secret: input.secret, dataDir: input.dataDir });
  const cipher = createPiiCipher(master);
  // The same key as the writer's, or every blind index would miss and people be written twice.
  if (cipher.fingerprint() !== input.fingerprint) throw new AppError('SECRET_MISMATCH');
  for await (const prepared of prepareFile(input, createFileSealer(master), cipher)) {
    if (prepared.kind !== 'header') {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
    }
    post({ kind: 'prepared', prepared });
  }
  post({ kind: 'end' });
} catch (error) {
  post({ kind: 'failed', error: failureOf(error) });
} finally {
  port.close();
}
