import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './analysisWorker.js';
import { analyseAndPrepare, type AnalyseRequest, type StepTimes } from './importSteps.js';
import type { PrepareResult } from './prepare.js';

/**
 * Worker threads that analyse files for importFiles while the main thread stores the previous
 * ones. Each worker loads the analyser (lexicons, gazetteers, importers) once.
 *
 * Memory: V8 sizes a heap by the machine's memory and lets garbage pile up far beyond the
 * analyser's live data (about 150 MB), so a worker's old generation is capped (192 MB by default,
 * CONCORD_IMPORT_WORKER_HEAP_MB) and collected more often. A file that needs more (a huge PDF)
 * kills its worker with an out-of-memory error: that file is then analysed in the calling thread,
 * whose heap is not capped, and a fresh worker takes the next files. So a failing worker costs
 * time, never a file or a different outcome.
 *
 * Works from the compiled package (analysisWorker.js) and from sources under tsx or vitest
 * (analysisWorker.ts, which the worker loads through tsx's API).
 */
export interface PoolReply {
  result: PrepareResult;
  times: StepTimes;
  /** False when the calling thread did the work (no worker left, or the worker failed). */
  inWorker: boolean;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { req: AnalyseRequest; resolve: (r: PoolReply) => void }>;
  dead: boolean;
}

const DEFAULT_HEAP_MB = 192;
/** Workers replaced after failures, at most (then the calling thread analyses). */
const MAX_RESPAWNS = 4;

/** Workers to use by default: CONCORD_IMPORT_WORKERS, else 1 (each worker holds an analyser: memory before speed). */
export function defaultWorkerCount(): number {
  return envInt('CONCORD_IMPORT_WORKERS', 0, 16) ?? 1;
}

function envInt(name: string, min: number, max: number): number | undefined {
  const v = process.env[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? Math.min(n, max) : undefined;
}

function resourceLimits(): ResourceLimits {
  const heap = envInt('CONCORD_IMPORT_WORKER_HEAP_MB', 0, 1 << 16) ?? DEFAULT_HEAP_MB;
  // 0: V8's own limits. The young generation is kept small too: it is part of the resident memory.
  return heap === 0 ? {} : { maxOldGenerationSizeMb: Math.max(8, heap), maxYoungGenerationSizeMb: 16 };
}

function spawn(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./analysisWorker${ext}`, import.meta.url);
  const options = { resourceLimits: resourceLimits() };
  if (ext !== '.ts') return new Worker(url, options);
  // From sources (tsx, vitest) the worker registers tsx itself first: on Node 20 the parent's
  // `--import tsx` loader hooks do not reach worker threads.
  const api = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, ...options });
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private respawns = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.addSlot();
  }

  private addSlot(): void {
    let worker: Worker;
    try {
      worker = spawn();
    } catch {
      return;
    }
    const slot: Slot = { worker, pending: new Map(), dead: false };
    worker.on('message', (m: WorkerReply) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (slot.pending.size === 0) worker.unref();
      if ('error' in m) void this.inThread(p.req).then(p.resolve);
      else p.resolve({ result: m.result, times: m.times, inWorker: true });
    });
    const fail = () => {
      if (slot.dead) return;
      slot.dead = true;
      const left = [...slot.pending.values()];
      slot.pending.clear();
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (!this.closed && this.respawns < MAX_RESPAWNS) {
        this.respawns++;
        this.addSlot();
      }
      for (const p of left) void this.inThread(p.req).then(p.resolve);
    };
    worker.on('error', fail);
    worker.on('exit', fail);
    // An idle worker must not keep a finished import's process alive.
    worker.unref();
    this.slots.push(slot);
  }

  /** Live workers. */
  get size(): number {
    return this.slots.length;
  }

  /** Analyses and prepares `req` in the least busy worker (or in this thread when none is left). */
  analyse(req: AnalyseRequest): Promise<PoolReply> {
    if (this.slots.length === 0) return this.inThread(req);
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, { req, resolve });
      slot.worker.ref();
      const msg: WorkerRequest = { ...req, id };
      try {
        // The bytes are copied, not transferred: if the worker dies, this thread still has them.
        slot.worker.postMessage(msg);
      } catch {
        slot.pending.delete(id);
        void this.inThread(req).then(resolve);
      }
    });
  }

  private async inThread(req: AnalyseRequest): Promise<PoolReply> {
    const times: StepTimes = { analyseMs: 0, prepareMs: 0 };
    return { result: await analyseAndPrepare(req, times), times, inWorker: false };
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map(async (s) => {
      s.dead = true;
      await s.worker.terminate();
    }));
  }
}
