import type { Command } from 'commander';
import { FORMATTERS } from '../../export/index.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/types.js';
import { EXIT_OK, EXIT_UNUSABLE, EXIT_WARNINGS, UsageError } from '../errors.js';
import { readInput } from '../readInput.js';
import { writeRenderedOutput } from '../writeOutput.js';

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('Analyse one declaration and print its structured analysis')
    .argument('<file>', 'a declaration file, or - to read standard input')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATTERS).join(', ')} (more after export formats load)`, 'json')
    .option('-l, --lang <lang>', 'language: auto, fr, en, ru, zh', 'auto')
    .option('-o, --out <path>', 'write to this file (or folder, for multi-file formats) instead of standard output')
    .option('--id <id>', 'document id (default: organisation-year-place)')
    .option('--validate', 'check the JSON against spec/analysis.schema.json before writing')
    .option('--strict', 'exit 1 when the analysis raised warnings')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', String(DEFAULT_MAX_BYTES))
    .action(async (file: string, opts) => {
      const formatter = FORMATTERS[opts.format];
      if (!formatter) throw new UsageError(`unknown format "${opts.format}"`, `use one of ${Object.keys(FORMATTERS).join(', ')}`);
      if (!['auto', 'fr', 'en', 'ru', 'zh'].includes(opts.lang)) {
        throw new UsageError(`unknown language "${opts.lang}"`, 'use auto, fr, en, ru or zh');
      }
      const maxBytes = Number(opts.maxBytes);
      const { bytes, filename } = readInput(file, maxBytes);
      // Loaded when the command runs: the analyser (with its language model, ~200 MB) is not needed by
      // the other commands, and `concord import` analyses in a worker thread.
      const { analyzeBytes } = await import('../../analyze.js');
      const analysis = await analyzeBytes(bytes, { filename, lang: opts.lang, id: opts.id, maxBytes });
      if (opts.validate) {
        const { validateAnalysis } = await import('../../schema/validateAnalysis.js');
        const errors = validateAnalysis(analysis);
        if (errors.length) throw new Error(`the analysis does not match the schema (a bug): ${errors.join('; ')}`);
      }
      writeRenderedOutput(formatter(analysis), opts.out);
      const messages = analysis.messages ?? [];
      for (const m of messages) {
        if (m.severity !== 'info') process.stderr.write(`concord: ${m.severity}: ${m.message} [${m.ruleId}, ${m.stage}${m.eId ? `, ${m.eId}` : ''}]\n`);
      }
      if (analysis.paragraphs.length === 0) process.exitCode = EXIT_UNUSABLE;
      else if (opts.strict && messages.some((m) => m.severity !== 'info')) process.exitCode = EXIT_WARNINGS;
      else process.exitCode = EXIT_OK;
    });
}

