#!/usr/bin/env node
import { Command } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerEval } from './commands/eval.js';
import { registerCorpusCommands } from './commands/corpus.js';
import { registerServe } from './commands/serve.js';
import { registerExport } from './commands/export.js';
import { registerOrg } from './commands/org.js';
import { exitWithError } from './errors.js';

/** The `concord` command: one file per command group under src/cli/commands/. */
// A closed pipe (concord analyze … | head) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command();
program
  .name('concord')
  .description('Read summit declarations into a structured, searchable, trackable record of what states agreed.')
  .version('0.1.0')
  .showHelpAfterError('(run concord --help for usage)')
  .exitOverride((err) => {
    // Usage errors exit 2 (commander's own default is 1).
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerAnalyze(program);
registerEval(program);
registerCorpusCommands(program);
registerServe(program);
registerExport(program);
registerOrg(program);

program.parseAsync(process.argv).catch(exitWithError);
