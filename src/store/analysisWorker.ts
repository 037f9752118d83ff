import { parentPort } from 'node:worker_threads';
import { analyseAndPrepare, type AnalyseRequest, type StepTimes } from './importSteps.js';

/**
 * An import worker (analysisPool.ts): analyses the bytes it is sent and prepares the rows to
 * store (importSteps.analyseAndPrepare), one request at a time, and posts the result back. It
 * never touches the database: the main thread writes, one transaction per document.
 */
export interface WorkerRequest extends AnalyseRequest {
  id: number;
}

export type WorkerReply =
  | { id: number; result: Awaited<ReturnType<typeof analyseAndPrepare>>; times: StepTimes }
  | { id: number; error: string };

const port = parentPort;
if (port) {
  port.on('message', async (req: WorkerRequest) => {
    const times: StepTimes = { analyseMs: 0, prepareMs: 0 };
    let reply: WorkerReply;
    try {
      reply = { id: req.id, result: await analyseAndPrepare(req, times), times };
    } catch (e) {
      reply = { id: req.id, error: (e as Error)?.message ?? String(e) };
    }
    try {
      port.postMessage(reply);
    } catch (e) {
      // e.g. a result that cannot be cloned: the main thread then analyses this file itself
      port.postMessage({ id: req.id, error: (e as Error)?.message ?? String(e) } satisfies WorkerReply);
    }
  });
}
