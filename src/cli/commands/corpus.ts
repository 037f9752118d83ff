import type { Command } from 'commander';

/** (Stub: to be implemented.) */
export function registerCorpusCommands(program: Command): void {
  void program;
}
