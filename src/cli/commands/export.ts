import type { Command } from 'commander';

/** (Stub: to be implemented.) */
export function registerExport(program: Command): void {
  void program;
}
