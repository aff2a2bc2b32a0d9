/** A worker thread's body: generates the demo (`generateDemo`) and hands it back as COPY text (`demoRows`). */
import { parentPort, workerData } from 'node:worker_threads';
import { generateDemo, type GenerateOptions } from './generate.js';
import { demoRows } from './demo-rows.js';

parentPort?.postMessage(demoRows(generateDemo(workerData as GenerateOptions)));
