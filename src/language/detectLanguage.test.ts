import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../paths.js';
import { detectLanguage, resolveDocumentLanguage } from './detectLanguage.js';

describe('language detection', () => {
  it('finds the language of each bundled text', () => {
    const cases: Array<[string, string]> = [
      ['sco-2024-astana.fr.txt', 'fr'],
      ['dev/brics-2025-rio.en.txt', 'en'],
      ['dev/eaeu-2020-covid-statement.ru.txt', 'ru'],
      ['dev/g20-2020-riyadh.zh.txt', 'zh'],
      ['dev/sco-2020-moscow.en.txt', 'en'],
    ];
    for (const [file, lang] of cases) {
      expect(detectLanguage(readFileSync(join(EXAMPLES_DIR, file), 'utf8')).language, file).toBe(lang);
    }
  });

  it('says und for text with no letters and warns for an unsupported language', () => {
    expect(detectLanguage('12345 — 2024/2025').language).toBe('und');
    const r = resolveDocumentLanguage('Los Estados miembros reafirman su compromiso con la paz y la seguridad internacionales.', 'auto');
    expect(r.language).toBe('es');
    expect(r.messages.map((m) => m.ruleId)).toEqual(['language/unsupported']);
  });

  it('looks for Han characters only at U+2E80 and above, where all of them are', () => {
    // detectLanguage tests a plain range before the Unicode property: it must not miss any.
    const han = /\p{Script=Han}/u;
    for (let c = 0; c < 0x2e80; c++) expect(han.test(String.fromCodePoint(c)), c.toString(16)).toBe(false);
    expect(detectLanguage('中华人民共和国主席').language).toBe('zh');
    expect(detectLanguage('𠀀𠀁𠀂 text').language).toBe('zh');
  });

  it('lets --lang override detection', () => {
    expect(resolveDocumentLanguage('We welcome the report.', 'fr')).toEqual({ language: 'fr', source: 'given', messages: [] });
  });
});
