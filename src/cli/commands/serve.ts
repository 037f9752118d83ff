import type { Command } from 'commander';

/** (Stub: to be implemented.) */
export function registerServe(program: Command): void {
  void program;
}
