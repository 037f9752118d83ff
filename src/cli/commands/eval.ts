import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { evaluate } from '../../eval/evaluate.js';
import { pool } from '../../eval/pool.js';
import { renderDisagreements, renderEvalTable } from '../../eval/renderTable.js';
import type { EvalReport } from '../../eval/types.js';
import type { Analysis } from '../../types.js';
import { EXIT_OK, UsageError } from '../errors.js';
import { readInput } from '../readInput.js';

/** Largest analysis JSON accepted (bytes): a long declaration's analysis is a few MB. */
const MAX_ANALYSIS_BYTES = 64 * 1024 * 1024;
/** Most documents compared in one folder run (bounds memory and time). */
const MAX_FILES = 5000;

/**
 * `concord eval <predicted> <gold>`: per-field agreement between two analyses of the same
 * document (machine vs gold, or coder vs coder). Two files: one report. Two folders: the
 * gold folder's *.json files are paired by name with the predicted folder's, and the
 * reports are pooled per language (the gold document's) and overall. Prints tables
 * (default) or JSON. Unreadable or non-analysis files are usage errors (exit 2).
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure the agreement of two analyses of one document (machine vs gold, or two coders); two folders: pooled per language')
    .argument('<predicted>', 'analysis JSON to measure (concord analyze output), or a folder of them')
    .argument('<gold>', 'reference analysis JSON (e.g. a hand annotation), or a folder of them with the same file names')
    .option('-f, --format <format>', 'output format: table or json', 'table')
    .option('-d, --details', 'after the table, list the disagreements (paragraph, field, predicted, gold)')
    .option('--limit <n>', 'most disagreements listed with --details', '50')
    .action((predictedPath: string, goldPath: string, opts: { format: string; details?: boolean; limit: string }) => {
      if (!['table', 'json'].includes(opts.format)) throw new UsageError(`unknown format "${opts.format}"`, 'use table or json');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, not "${opts.limit}"`);
      const folders = [isFolder(predictedPath), isFolder(goldPath)];
      if (folders[0] !== folders[1]) throw new UsageError('give two files or two folders', 'a folder of predictions pairs with a folder of gold files');
      if (folders[0]) evaluateFolders(predictedPath, goldPath, opts.format, opts.details ? limit : null);
      else {
        const report = evaluate(readAnalysis(predictedPath), readAnalysis(goldPath));
        if (opts.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else {
          process.stdout.write(renderEvalTable(report, `${predictedPath} vs ${goldPath}`));
          if (opts.details) process.stdout.write('\n' + renderDisagreements(report, limit));
        }
      }
      process.exitCode = EXIT_OK;
    });
}

function evaluateFolders(predictedDir: string, goldDir: string, format: string, detailLimit: number | null): void {
  const names = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  if (names.length === 0) throw new UsageError(`${goldDir} holds no .json files`, 'give a folder of gold analyses');
  if (names.length > MAX_FILES) throw new UsageError(`${goldDir} holds ${names.length} files, over the limit of ${MAX_FILES}`);
  const documents: Array<{ file: string; language: string; report: EvalReport }> = [];
  for (const name of names) {
    const gold = readAnalysis(join(goldDir, name));
    const predictedPath = join(predictedDir, name);
    let predicted: Analysis;
    if (isFile(predictedPath)) predicted = readAnalysis(predictedPath);
    else {
      process.stderr.write(`concord: no prediction for ${name} in ${predictedDir}: counted as all missed\n`);
      predicted = { schemaVersion: '1', document: { ...gold.document, language: 'und', organization: null, date: null, place: null }, paragraphs: [] };
    }
    documents.push({ file: name, language: String(gold.document?.language ?? 'und'), report: evaluate(predicted, gold) });
  }
  const languages = [...new Set(documents.map((d) => d.language))].sort();
  const byLanguage = Object.fromEntries(languages.map((l) => [l, pool(documents.filter((d) => d.language === l).map((d) => d.report))]));
  const overall = pool(documents.map((d) => d.report));
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ documents, byLanguage, overall }, null, 2) + '\n');
    return;
  }
  const parts = languages.map((l) => renderEvalTable(byLanguage[l], `language ${l}`));
  if (languages.length > 1) parts.push(renderEvalTable(overall, 'all languages'));
  if (detailLimit !== null) parts.push(renderDisagreements(overall, detailLimit));
  process.stdout.write(parts.join('\n'));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
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
