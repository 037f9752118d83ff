import type { Command } from 'commander';
import { evaluate } from '../../eval/evaluate.js';
import { renderEvalTable } from '../../eval/renderTable.js';
import type { Analysis } from '../../types.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { readInput } from '../readInput.js';

/** Largest analysis JSON accepted (bytes): a long declaration's analysis is a few MB. */
const MAX_ANALYSIS_BYTES = 64 * 1024 * 1024;

/**
 * `concord eval <predicted.json> <gold.json>`: per-field agreement between two analyses
 * of the same document (machine vs gold, or coder vs coder). Prints a table (default) or
 * the JSON report. Unreadable or non-analysis files are usage errors (exit 2).
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure the agreement of two analyses of one document (machine vs gold, or two coders)')
    .argument('<predicted>', 'analysis JSON to measure (e.g. concord analyze output)')
    .argument('<gold>', 'reference analysis JSON (e.g. a hand annotation)')
    .option('-f, --format <format>', 'output format: table or json', 'table')
    .action((predictedPath: string, goldPath: string, opts: { format: string }) => {
      if (!['table', 'json'].includes(opts.format)) throw new UsageError(`unknown format "${opts.format}"`, 'use table or json');
      const predicted = readAnalysis(predictedPath);
      const gold = readAnalysis(goldPath);
      const report = evaluate(predicted, gold);
      if (opts.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else process.stdout.write(renderEvalTable(report, `${predictedPath} vs ${goldPath}`));
      process.exitCode = EXIT_OK;
    });
}

/** Reads and minimally checks one analysis file (an object with a paragraphs array). */
function readAnalysis(path: string): Analysis {
  const { bytes } = readInput(path, MAX_ANALYSIS_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${(e as Error).message}`, 'give an analysis JSON file (concord analyze --format json)');
  }
  const o = data as Partial<Analysis> | null;
  if (!o || typeof o !== 'object' || !Array.isArray(o.paragraphs)) {
    throw new UsageError(`${path} is not an analysis (no "paragraphs" array)`, 'give an analysis JSON file (concord analyze --format json)');
  }
  const bad = o.paragraphs.findIndex((p) => !p || typeof p !== 'object' || typeof p.text !== 'string');
  if (bad >= 0) throw new UsageError(`${path}: paragraph ${bad + 1} has no text`, 'every paragraph needs a "text" string');
  o.document ??= {} as Analysis['document'];
  return o as Analysis;
}
