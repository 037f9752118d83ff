import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eld } from 'eld/medium';
import { EXAMPLES_DIR, SHARED_DIR } from '../paths.js';
import { loadEldDatabase, loadEldTables, type EldTables } from './eldModel.js';
import { createEldScorer, type EldScorer } from './eldScorer.js';
import { seededFloat } from '../../test/support/seededRandom.js';

// The hand-written scorer must answer exactly as eld's own detect() (the library entry, its
// reference): same language, same isReliable(), on every kind of text.

let scorer: EldScorer;
let tables: EldTables;
beforeAll(async () => {
  tables = await loadEldTables();
  scorer = createEldScorer((await loadEldDatabase()).database, tables);
});

function expectSameAsEld(texts: Iterable<string>): number {
  let n = 0;
  for (const text of texts) {
    const ours = scorer.detect(text);
    const theirs = eld.detect(text);
    if (ours.language !== theirs.language || ours.reliable !== theirs.isReliable()) {
      expect({ text, language: ours.language, reliable: ours.reliable }).toEqual({ text, language: theirs.language, reliable: theirs.isReliable() });
    }
    n++;
  }
  return n;
}


function paragraphsOf(dir: string): string[] {
  if (!existsSync(dir)) return []; // examples/dev and the corpus are not in every checkout
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n+/))
    .filter((p) => p.trim() !== '');
}

const SENTENCES = [
  'Les chefs d’État et de gouvernement ont adopté la déclaration d’Astana sur la coopération régionale.',
  'We, the Leaders of BRICS, met in Rio de Janeiro and reaffirmed our commitment to multilateralism.',
  'Государства-члены подчеркнули важность сотрудничества в области безопасности и экономики.',
  '二十国集团领导人利雅得峰会宣言：我们将继续合作，应对全球挑战。',
  'Los Estados miembros reafirman su compromiso con la paz y la seguridad internacionales.',
  'Die Staats- und Regierungschefs bekräftigen ihre Zusammenarbeit über alle Grenzen hinweg.',
  'تؤكد الدول الأعضاء التزامها بالسلام والأمن الدوليين والتعاون الإقليمي.',
  'ΟΙ ΑΡΧΗΓΟΙ ΚΡΑΤΩΝ ΣΥΜΦΩΝΗΣΑΝ ΣΤΗΝ ΚΟΙΝΗ ΔΙΑΚΗΡΥΞΗ ΤΟΥ ΟΡΓΑΝΙΣΜΟΥ ΣΟΣ ΣΑΣ.',
  'İSTANBUL’DA İMZALANAN ANLAŞMA İLE İKİ ÜLKE İŞBİRLİĞİNİ GÜÇLENDİRDİ.',
  'この宣言は、加盟国の協力を強化するためのものである。',
  'ประเทศสมาชิกยืนยันความร่วมมือในภูมิภาคอย่างต่อเนื่อง',
];

/** Characters that exercise every branch: separators, apostrophes, case, 1–4 UTF-8 bytes, surrogates. */
const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'éèàçüößÉÀŒœ',
  ...'ЖжЩщЯя',
  ...'ΣσςΑα',
  'İ',
  'ı',
  ...'中国人民',
  ...'ابت',
  ' ', ' ', ' ', ' ', '\n', '\t', '\u00a0', "'", '`', '’', '-', '.', ',', '0', '7', '«', '»', '—',
  '😀', '𠀀', '\ud800', '\udc00', '\u0301', 'ʰ',
];

function randomTexts(count: number, seed: number): string[] {
  const random = seededFloat(seed);
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(random() ** 2 * 1400);
    let text = '';
    while (text.length < length) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
    texts.push(text);
  }
  return texts;
}

/** Words of the sentences above, shuffled and joined by random separators: texts eld can score. */
function randomSentences(count: number, seed: number): string[] {
  const random = seededFloat(seed);
  const words = SENTENCES.flatMap((s) => s.split(' '));
  const joins = [' ', ' ', ' ', ', ', '. ', ' — ', "'", '’', '\n', ' 2024 '];
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    const length = Math.floor(random() ** 2 * 200);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) parts.push(words[Math.floor(random() * words.length)]!, joins[Math.floor(random() * joins.length)]!);
    texts.push(parts.join(''));
  }
  return texts;
}

describe('the hand-written eld scorer', () => {
  it('normalises text as eld does (separators, apostrophes, trim, lower case), on every code unit', () => {
    const eldNormalise = (text: string) => text.substring(0, 1000).replace(tables.separators, ' ').trim().toLowerCase();
    const check = (text: string) => {
      const ours = scorer.normalise(text);
      const theirs = eldNormalise(text);
      // Ours stops once it has what eld reads (381 characters at most): a prefix, long enough.
      if (ours !== theirs) expect([text, theirs.startsWith(ours), ours.length >= 382]).toEqual([text, true, true]);
    };
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      check(`Ab${ch}cD ${ch}${ch}' x${ch}'${ch}`);
    }
    for (const text of [...randomTexts(3000, 7), ...randomSentences(1000, 8)]) check(text);
    for (const sentence of SENTENCES) check(sentence.repeat(12));
  });

  it('answers as eld on every paragraph of the example and dev texts', () => {
    const paragraphs = [...paragraphsOf(EXAMPLES_DIR), ...paragraphsOf(join(EXAMPLES_DIR, 'dev'))];
    expect(expectSameAsEld(paragraphs)).toBeGreaterThan(20);
    expectSameAsEld(paragraphs.map((p) => p.slice(0, 600)));
  });

  it('answers as eld on slices of UN General Debate speeches (when the corpus is there)', () => {
    const dir = join(SHARED_DIR, 'corpus', 'ungd');
    if (!existsSync(dir)) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).filter((_, i) => i % 11 === 0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expectSameAsEld([text, text.slice(0, 3000), text.slice(1000, 1600), text.slice(5000, 5400), ...text.split(/\n+/).filter((p) => p.length >= 1000).map((p) => p.slice(0, 600))]);
    }
  });

  it('answers as eld on synthetic texts: languages, mixed scripts, edge cases', () => {
    const texts = [
      ...SENTENCES,
      ...SENTENCES.map((s) => s.repeat(15)),
      SENTENCES.join(' '),
      SENTENCES.map((s) => s.slice(0, 40)).join(' | '),
      '', ' ', 'x', 'a b', 'ab', 'abc', 'abcd', 'abcde', "l'", "''", "' ' '", '`a`', '’’’abc’’’',
      '12345', '12345 — 2024/2025', '0'.repeat(1200), '... ,,, !!! ???', '—'.repeat(50),
      '😀😀😀', '😀 hello 😀 world', '\ud800', '\udc00abc', 'abc\ud800', `${'a'.repeat(999)}😀`, `${'é'.repeat(999)}\ud83d`,
      'Σ', 'ΑΣ', 'ΑΣ Α', 'ΟΔΟΣ ΟΔΟΣ', `${'ΑΒ '.repeat(127)}ΟΔΟΣ ΟΔΟΣ`, `${'ΑΒΓ '.repeat(95)}ΟΔΟΣ' ΟΔΟΣ`,
      'İİİ İstanbul', 'I\u0307stanbul',
      'x'.repeat(75), `${'y'.repeat(80)} ${'y'.repeat(80)}`, '中'.repeat(40), `${'中'.repeat(30)} ${'中'.repeat(30)} ${'中'.repeat(25)}`,
      'ประเทศสมาชิกยืนยันความร่วมมือในภูมิภาคอย่างต่อเนื่องประเทศสมาชิกยืนยันความร่วมมือในภูมิภาค',
      'the the the the the the', 'de la de la de la',
      `${'word '.repeat(69)}wordy, ${'mot '.repeat(30)}`,
    ];
    // Texts cut at every length around what eld reads, to meet its byte limits in every state.
    const long = `${SENTENCES[0]} ${SENTENCES[4]} ${SENTENCES[2]} ${SENTENCES[7]} ${SENTENCES[5]}`.repeat(3);
    for (let n = 300; n <= 700; n += 1) texts.push(long.slice(0, n), long.slice(n));
    expectSameAsEld(texts);
  });

  it('answers as eld on random texts: characters of every kind, and words of several languages', () => {
    expect(expectSameAsEld(randomTexts(4000, 42))).toBe(4000);
    expect(expectSameAsEld(randomSentences(4000, 43))).toBe(4000);
  });
});
