import { emptyReport, finishReport } from './evaluate.js';
import type { EvalReport, Prf, Ratio } from './types.js';

/**
 * Pools several documents' reports into one by summing every count (micro-averaging:
 * a long document weighs more than a short one), then recomputes the ratios. Used for
 * per-language or per-organisation figures. Reads the reports, returns a new one.
 */
export function pool(reports: EvalReport[]): EvalReport {
  const out = emptyReport();
  for (const r of reports) {
    out.documents += r.documents;
    out.ids.push(...r.ids);
    out.paragraphs.gold += r.paragraphs.gold;
    out.paragraphs.predicted += r.paragraphs.predicted;
    out.paragraphs.matched += r.paragraphs.matched;
    out.commitments.predictedTotal += r.commitments.predictedTotal;
    out.commitments.goldTotal += r.commitments.goldTotal;
    sumInto(out as unknown as Record<string, unknown>, r as unknown as Record<string, unknown>);
    out.disagreements.push(...r.disagreements);
  }
  return finishReport(out);
}

/** Adds the counts of every Ratio and Prf found in `from` to the same place in `into`. */
function sumInto(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) {
    if (k === 'disagreements' || !v || typeof v !== 'object' || Array.isArray(v)) continue;
    const src = v as Record<string, unknown>;
    if (typeof src.correct === 'number' && typeof src.total === 'number') {
      const dst = (into[k] ??= { correct: 0, total: 0, value: null }) as Ratio;
      dst.correct += src.correct;
      dst.total += src.total as number;
    } else if (typeof src.tp === 'number') {
      const dst = (into[k] ??= { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null }) as Prf;
      const s = src as unknown as Prf;
      dst.tp += s.tp;
      dst.fp += s.fp;
      dst.fn += s.fn;
    } else {
      sumInto((into[k] ??= {}) as Record<string, unknown>, src);
    }
  }
}
