/**
 * Acceptance floors: the real pipeline (analyzeText) on the example declaration and the
 * dev excerpts, measured against the hand annotations in test/fixtures/gold/. Each floor
 * is one test. Floors the annotators do not reach yet are listed in PENDING_FLOORS and
 * skipped, so the committed suite stays green; run `CONCORD_FLOORS=all npx vitest run
 * test/eval/floors.test.ts` to run them all. The tables of every figure are printed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { evaluate, pool, renderEvalTable, type EvalReport } from '../../src/eval/index.js';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import type { Analysis } from '../../src/types.js';

/**
 * Floors not reached yet (skipped). The lead empties this list when the annotators are in.
 * Ids are those of the `floor(...)` calls below.
 */
const PENDING_FLOORS: string[] = [];
const RUN_ALL = process.env.CONCORD_FLOORS === 'all';

const GOLD_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'gold');
const readJson = (path: string): Analysis => JSON.parse(readFileSync(path, 'utf8')) as Analysis;

/** Runs the pipeline on one example text and measures it against its gold file. */
function measure(textPath: string, goldPath: string): EvalReport {
  const text = readFileSync(textPath, 'utf8');
  const name = textPath.split('/').pop() ?? '';
  return evaluate(analyzeText(text, { filename: name }), readJson(goldPath));
}

/** Memoised so each document is analysed once, and only if some test needs it. */
function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

const french = lazy(() => {
  const r = measure(join(EXAMPLES_DIR, 'sco-2024-astana.fr.txt'), join(GOLD_DIR, 'sco-2024-astana.fr.json'));
  console.log(renderEvalTable(r, 'sco-2024-astana.fr'));
  return r;
});

const devFiles = readdirSync(join(EXAMPLES_DIR, 'dev')).filter((f) => f.endsWith('.txt')).sort();
const devReport = (file: string) => {
  const r = measure(join(EXAMPLES_DIR, 'dev', file), join(GOLD_DIR, 'dev', file.replace(/\.txt$/, '.json')));
  if (!file.endsWith('.en.txt')) console.log(renderEvalTable(r, file));
  return r;
};
const devByFile = new Map(devFiles.map((f) => [f, lazy(() => devReport(f))]));
const english = lazy(() => {
  const r = pool(devFiles.filter((f) => f.endsWith('.en.txt')).map((f) => devByFile.get(f)!()));
  console.log(renderEvalTable(r, 'dev, English, pooled'));
  return r;
});

/** One floor = one test: `figure` of the report must be at least `min` (a missing figure fails). */
function floor(id: string, report: () => EvalReport, figure: (r: EvalReport) => number | null | undefined, min: number): void {
  const pending = PENDING_FLOORS.includes(id) && !RUN_ALL;
  // Pending: the annotator for this field is not in yet (see PENDING_FLOORS).
  (pending ? it.skip : it)(`${id} ≥ ${min}`, () => {
    const value = figure(report());
    expect(value ?? Number.NaN, `${id}: ${value ?? 'n/a'} < ${min}`).toBeGreaterThanOrEqual(min);
  });
}

describe('floors: SCO Astana 2024 (fr) against its gold', () => {
  floor('fr.paragraphsMatched', french, (r) => r.paragraphs.matchedFraction.value, 1);
  floor('fr.kind', french, (r) => r.kind.value, 0.99);
  floor('fr.subjectScope', french, (r) => r.subjectScope.value, 0.97);
  floor('fr.subjectStates', french, (r) => r.subjectStates.value, 0.97);
  floor('fr.primaryAction', french, (r) => r.primaryAction.value, 0.92);
  floor('fr.actionCategoriesF1', french, (r) => r.actionCategories.f1, 0.88);
  floor('fr.commitmentF1', french, (r) => r.commitment.f1, 0.93);
  floor('fr.entityF1', french, (r) => r.entities.f1, 0.88);
  // every type present in the gold (it has no person)
  const goldTypes = new Set(readJson(join(GOLD_DIR, 'sco-2024-astana.fr.json')).paragraphs.flatMap((p) => p.entities.map((e) => e.type)));
  for (const type of [...goldTypes].sort()) {
    floor(`fr.entityF1.${type}`, french, (r) => r.entitiesByType[type]?.f1, 0.75);
  }
  floor('fr.stateRefAccuracy', french, (r) => r.stateRefAccuracy.value, 0.97);
  floor('fr.dateValueAccuracy', french, (r) => r.dateValueAccuracy.value, 0.95);
  floor('fr.proposalsF1', french, (r) => r.proposals.f1, 0.9);
  floor('fr.topicsF1', french, (r) => r.topics.f1, 0.65);
});

describe('floors: dev excerpts, English pooled', () => {
  floor('en.primaryAction', english, (r) => r.primaryAction.value, 0.85);
  floor('en.commitmentF1', english, (r) => r.commitment.f1, 0.8);
  floor('en.entityF1', english, (r) => r.entities.f1, 0.8);
  floor('en.stateRefAccuracy', english, (r) => r.stateRefAccuracy.value, 0.95);
});

describe('floors: dev excerpts, Russian and Chinese', () => {
  for (const file of devFiles.filter((f) => /\.(ru|zh)\.txt$/.test(f))) {
    const id = file.replace(/\.txt$/, '');
    const report = devByFile.get(file)!;
    floor(`${id}.paragraphsMatched`, report, (r) => r.paragraphs.matchedFraction.value, 1);
    floor(`${id}.language`, report, (r) => r.document.language.value, 1);
  }
});
