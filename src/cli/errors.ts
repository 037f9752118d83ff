import { UnreadableInputError } from '../ingest/types.js';

/** Exit codes of every concord command. */
export const EXIT_OK = 0;
export const EXIT_WARNINGS = 1;
export const EXIT_UNUSABLE = 2;

/** An input or usage problem the user can fix: printed as one line, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Prints an error as one line with what to do, and exits: 2 for input/usage, 70 for bugs. */
export function exitWithError(err: unknown): never {
  if (err instanceof UnreadableInputError) {
    process.stderr.write(`concord: ${err.message} [${err.ruleId}]\n`);
    process.exit(EXIT_UNUSABLE);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`concord: ${err.message}${err.hint ? `; ${err.hint}` : ''}\n`);
    process.exit(EXIT_UNUSABLE);
  }
  const e = err as Error;
  process.stderr.write(`concord: internal error (a bug, please report it): ${e?.stack ?? String(err)}\n`);
  process.exit(70);
}
