import type { Command } from 'commander';

/** (Stub: to be implemented.) */
export function registerOrg(program: Command): void {
  void program;
}
