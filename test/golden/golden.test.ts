import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analyze.js';
import { projectForGolden } from './project.js';

/**
 * Golden files: test/golden/cases/<case>.txt with <case>.expected.json beside it.
 * Regenerate with `npm run golden:update` after a deliberate change, then READ the diff
 * (git diff test/golden) and check every changed line by hand before committing.
 */
const dir = join(import.meta.dirname, 'cases');
const cases = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });
  for (const file of cases) {
    const expectedPath = join(dir, file.replace(/\.txt$/, '.expected.json'));
    if (!existsSync(expectedPath)) {
      it.todo(`${file}: no expected file yet (run npm run golden:update, then check it by hand)`);
      continue;
    }
    it(`${file} matches ${file.replace(/\.txt$/, '.expected.json')}`, () => {
      const actual = projectForGolden(analyzeText(readFileSync(join(dir, file), 'utf8'), { filename: file }));
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
      // toEqual prints a line-by-line diff of the two projections on failure.
      expect(actual).toEqual(expected);
    });
  }
});
