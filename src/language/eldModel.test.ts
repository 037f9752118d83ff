import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eld as libraryEld } from 'eld/medium';
import { EXAMPLES_DIR, PACKAGE_ROOT } from '../paths.js';
import { ELD_MODEL_JSON, loadEld } from './eldModel.js';

describe('the eld model loaded from JSON', () => {
  it('is used when built, and answers exactly as the library entry does', async () => {
    if (!existsSync(ELD_MODEL_JSON)) execFileSync(process.execPath, [join(PACKAGE_ROOT, 'scripts', 'build-language-model.mjs')]);
    const { eld, source } = await loadEld();
    expect(source).toBe('json');
    const texts: string[] = [
      'Les chefs d’État ont adopté la déclaration.', 'We, the Leaders of BRICS, met in Rio de Janeiro.',
      'Государства-члены подчеркнули важность сотрудничества.', '二十国集团领导人利雅得峰会宣言', 'Das ist ein deutscher Satz über Zusammenarbeit.',
      'x', '12345', '',
    ];
    for (const dir of [EXAMPLES_DIR, join(EXAMPLES_DIR, 'dev')]) {
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt'))) {
        texts.push(...readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 40));
      }
    }
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) {
      const a = eld.detect(t);
      const b = libraryEld.detect(t);
      expect([t.slice(0, 40), a.language, a.isReliable()]).toEqual([t.slice(0, 40), b.language, b.isReliable()]);
    }
  });
});
