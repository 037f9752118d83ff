import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the plain closing line "N passed, N failed, N skipped" that CI reads
 * (vitest's own summary is not one of the formats CI recognises). Exit code unchanged.
 */
export default class PassFailReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file whose setup failed (an import error, a beforeAll that threw) counts as one
      // failure even when its tests report as skipped: a failed setup must never read as green.
      const moduleFailed = mod.state() === 'failed' || mod.errors().length > 0;
      const testsFailed = [...mod.children.allTests()].some((t) => t.result().state === 'failed');
      if (moduleFailed && !testsFailed) failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
