/** The upload worker (see ingest.ts): one upload, analysed and written off the server's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { defaultPipeline } from '../api/default-pipeline.js';
import { ingestUpload, type UploadJob } from './ingest.js';

const job = workerData as UploadJob;
let last = 0;
try {
  const result = await ingestUpload(job, defaultPipeline(), (analysed, total) => {
    // Progress at most every 50 ms (and at the start), not a message per article.
    const now = Date.now();
    if (analysed === 0 || now - last >= 50) {
      last = now;
      parentPort!.postMessage({ analysed, total });
    }
  });
  parentPort!.postMessage({ result });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
