import type { Command } from 'commander';

/** (Stub: to be implemented.) */
export function registerEval(program: Command): void {
  void program;
}
