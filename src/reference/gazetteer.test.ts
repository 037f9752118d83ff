import { describe, expect, it } from 'vitest';
import { getGazetteer } from './names.js';
import { Gazetteer, resolveOverlaps } from './gazetteer.js';

/** [text, type, ref] of the matches; each text is also checked against the offsets. */
function found(text: string, lang: string, context: string | null = null): [string, string, string][] {
  return getGazetteer(lang, context).find(text).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return [m.text, m.entry.type, m.entry.ref];
  });
}

describe('states: formal names and variants', () => {
  it('resolves formal names in French, English, Russian and Chinese', () => {
    expect(found('avec la République kirghize et', 'fr')).toEqual([['République kirghize', 'state', 'KG']]);
    expect(found('the Lao PDR and the Lao People’s Democratic Republic', 'en')).toEqual([
      ['Lao PDR', 'state', 'LA'], ['Lao People’s Democratic Republic', 'state', 'LA'],
    ]);
    expect(found('Российская Федерация', 'ru')).toEqual([['Российская Федерация', 'state', 'RU']]);
    expect(found('中华人民共和国', 'zh')).toEqual([['中华人民共和国', 'state', 'CN']]);
    expect(found('在沙特主席国任期内', 'zh')).toEqual([['沙特', 'state', 'SA']]);
    expect(found('la Fédération de Russie, la République islamique d’Iran, la République populaire de Chine', 'fr').map((x) => x[2])).toEqual(['RU', 'IR', 'CN']);
    expect(found('the Plurinational State of Bolivia and the Republic of Türkiye', 'en').map((x) => x[2])).toEqual(['BO', 'TR']);
    expect(found('République du Bélarus, Biélorussie', 'fr').map((x) => x[2])).toEqual(['BY', 'BY']);
  });

  it('matches Russian names in any grammatical case', () => {
    expect(found('делегация Российской Федерации и Кыргызской Республики', 'ru')).toEqual([
      ['Российской Федерации', 'state', 'RU'], ['Кыргызской Республики', 'state', 'KG'],
    ]);
    // forms a Snowball stemmer gets wrong ("Казахстан" → "казахста", "Казахстане" → "казахстан")
    expect(found('в Казахстане, Беларуси и Китая; в Астане', 'ru').map((x) => x[2])).toEqual(['KZ', 'BY', 'CN', 'astana']);
    expect(found('Генеральной Ассамблеи ООН', 'ru')).toEqual([['Генеральной Ассамблеи ООН', 'organization', 'un-general-assembly']]);
  });

  it('leaves the French article out of the mention', () => {
    expect(found('de la République du Kazakhstan', 'fr')).toEqual([['République du Kazakhstan', 'state', 'KZ']]);
    expect(found('avec l’Inde et l\'Afghanistan', 'fr')).toEqual([['Inde', 'state', 'IN'], ['Afghanistan', 'state', 'AF']]);
  });

  it('does not mark adjectives or common words', () => {
    expect(found('le programme nucléaire iranien et la société afghane', 'fr')).toEqual([]);
    expect(found('Chinese and Russian officials served turkey on fine china', 'en')).toEqual([]);
  });

  it('keeps offsets right after typographic apostrophes and across glued words', () => {
    const t = 'Les États membres de l’OCS et la République d’Ouzbékistan';
    const ms = getGazetteer('fr', null).find(t);
    // "Les États membres de l’" is 23 code units; "République" starts at 33 and the text ends at 57.
    expect(ms.map((m) => [m.start, m.end])).toEqual([[23, 26], [33, 57]]);
    expect(found('the Republicof Belarus', 'en')).toEqual([['Republicof Belarus', 'state', 'BY']]);
  });

  it('blocks a name inside a longer ordinary word', () => {
    expect(found('发展中国家', 'zh')).toEqual([]);
  });
});

describe('organizations', () => {
  it('matches acronyms with exact case only', () => {
    expect(found('un accord avec l’ONU et l’OCS', 'fr')).toEqual([['ONU', 'organization', 'un'], ['OCS', 'organization', 'sco']]);
    expect(found('who said it to the WHO', 'en')).toEqual([['WHO', 'organization', 'who']]);
  });

  it('combines a body with its parent’s names', () => {
    expect(found('le Secrétariat de l’OCS', 'fr')).toEqual([['Secrétariat de l’OCS', 'organization', 'sco-secretariat']]);
    expect(found('the SCO Secretariat and the UN Secretariat', 'en').map((x) => x[2])).toEqual(['sco-secretariat', 'un-secretariat']);
    expect(found('le Conseil de sécurité des Nations Unies', 'fr')).toEqual([['Conseil de sécurité des Nations Unies', 'organization', 'un-security-council']]);
    expect(found('Секретариата ШОС', 'ru')).toEqual([['Секретариата ШОС', 'organization', 'sco-secretariat']]);
  });

  it('reads a garbled machine translation as the body it renders', () => {
    expect(found('le Conseil de la Douma d’État de l’OCS', 'fr')).toEqual([['Conseil de la Douma d’État de l’OCS', 'organization', 'sco-hsc']]);
  });

  it('uses context names only in documents of that organization', () => {
    const t = 'the meeting of the Council of Heads of State in Bishkek';
    expect(found(t, 'en', 'sco')).toEqual([['Council of Heads of State', 'organization', 'sco-hsc'], ['Bishkek', 'place', 'bishkek']]);
    expect(found(t, 'en', 'cis')).toEqual([['Council of Heads of State', 'organization', 'cis-hsc'], ['Bishkek', 'place', 'bishkek']]);
    expect(found(t, 'en', null)).toEqual([['Bishkek', 'place', 'bishkek']]);
  });
});

describe('places', () => {
  it('finds cities and regions with English slugs', () => {
    expect(found('la bande de Gaza, l’Asie centrale et El-Koweït', 'fr')).toEqual([
      ['bande de Gaza', 'place', 'gaza-strip'], ['Asie centrale', 'place', 'central-asia'], ['El-Koweït', 'place', 'kuwait-city'],
    ]);
    expect(found('met in New Delhi and Rio de Janeiro', 'en').map((x) => x[2])).toEqual(['new-delhi', 'rio-de-janeiro']);
  });
  it('does not stop inside a hyphenated compound', () => {
    expect(found('Asia-based firms', 'en')).toEqual([]);
  });
});

describe('Gazetteer and resolveOverlaps', () => {
  it('keeps the longest of overlapping names', () => {
    const g = new Gazetteer([
      { type: 'organization', ref: 'un', name: 'United Nations', source: 't' },
      { type: 'organization', ref: 'unsc', name: 'United Nations Security Council', source: 't' },
    ]);
    expect(g.find('the United Nations Security Council met').map((m) => m.entry.ref)).toEqual(['unsc']);
  });
  it('resolveOverlaps: longest first, then text order', () => {
    expect(resolveOverlaps([{ start: 0, end: 5 }, { start: 3, end: 12 }, { start: 12, end: 14 }])).toEqual([{ start: 3, end: 12 }, { start: 12, end: 14 }]);
  });
  it('resolveOverlaps agrees with marking the covered offsets one by one (fuzz, fixed seed; empty spans kept)', () => {
    type Span = { start: number; end: number; id: number };
    const byOffsets = (cands: Span[]): Span[] => {
      const byLength = [...cands].sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
      const used = new Set<number>();
      const kept: Span[] = [];
      for (const c of byLength) {
        let free = true;
        for (let i = c.start; i < c.end; i++) if (used.has(i)) free = false;
        if (!free) continue;
        for (let i = c.start; i < c.end; i++) used.add(i);
        kept.push(c);
      }
      return kept.sort((a, b) => a.start - b.start);
    };
    let seed = 1;
    const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let k = 0; k < 3000; k++) {
      const cands: Span[] = [];
      for (let i = rand(12); i > 0; i--) { const start = rand(30); cands.push({ start, end: start + rand(8) - 1, id: i }); }
      expect(resolveOverlaps(cands)).toEqual(byOffsets(cands));
    }
  });
  it('keeps offsets valid on random text in every script (fuzz, fixed seed)', () => {
    const alphabet = ['a', 'É', 'é', ' ', '’', "'", '-', '.', ',', '(', ')', 'Ш', 'О', 'С', 'о', 'й', 'ё', '中', '国', '沙', '特', '\u00A0', '\uD83D\uDE00', 'OCS', 'Inde', 'République', 'kirghize', 'ONU', 'de', 'l’'];
    let seed = 42;
    const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (const lang of ['fr', 'ru', 'zh', 'en']) {
      const g = getGazetteer(lang, null);
      for (let k = 0; k < 200; k++) {
        let t = '';
        const len = rand(40);
        for (let i = 0; i < len; i++) t += alphabet[rand(alphabet.length)];
        let last = -1;
        for (const m of g.find(t)) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(t.slice(m.start, m.end)).toBe(m.text);
          last = m.end;
        }
      }
    }
  });

  it('reads a text the same whether or not it has a Cyrillic word (two walks, fuzz, fixed seed)', () => {
    // A Cyrillic word sends the whole text through its key (stems); otherwise the walk reads the text directly.
    const alphabet = ['a', 'É', 'é', ' ', '  ', '’', "'", '-', '‐', '.', ',', '(', ')', '中', '国', '\u00A0', '\uD83D\uDE00', 'Asia', 'based',
      'OCS', 'SCO', 'U.S.', 'Inde', 'République', 'kirghize', 'ONU', 'de', 'l’', 'United', 'Nations', 'Security', 'Council', 'china', 'China', 'COMMUNITY', 'ASEAN'];
    let seed = 7;
    const rand = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (const lang of ['fr', 'en', 'zh']) {
      const g = getGazetteer(lang, null);
      for (let k = 0; k < 300; k++) {
        let t = '';
        const len = rand(30);
        for (let i = 0; i < len; i++) t += alphabet[rand(alphabet.length)];
        const direct = g.find(t);
        const keyed = g.find(`${t}, ж`).filter((m) => m.end <= t.length);
        expect(keyed).toEqual(direct);
      }
    }
  });

  it('answers a text read again from its memo, with objects of its own, and forgets it when a name is added', () => {
    const g = new Gazetteer([{ type: 'state', ref: 'ML', name: 'Mali', source: 'name' }]);
    const first = g.find('Le Mali et le Niger');
    const again = g.find('Le Mali et le Niger');
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
    first[0].start = 99; // a caller's change does not reach the memo
    expect(g.find('Le Mali et le Niger')[0].start).toBe(3);
    g.add({ type: 'state', ref: 'NE', name: 'Niger', source: 'name' });
    expect(g.find('Le Mali et le Niger').map((m) => m.entry.ref)).toEqual(['ML', 'NE']);
  });

  it('never throws on odd input', () => {
    const g = getGazetteer('xx', null);
    expect(g.find('')).toEqual([]);
    expect(() => g.find('\u0000\uD800 ((( ’’’ ---')).not.toThrow();
  });
});

describe('Gazetteer trie with wide nodes', () => {
  it('finds names under a node with many children, and names added after a search', () => {
    // six second letters under "m": the "m" node is wide (a map of its children)
    const names = ['Mali', 'Mexique', 'Micronésie', 'Monaco', 'Mumbai', 'Myanmar'];
    const g = new Gazetteer(names.map((name) => ({ type: 'state' as const, ref: name.slice(0, 2).toUpperCase(), name, source: 'name' })));
    const text = 'Le Mali, le Mexique, la Micronésie, Monaco, Mumbai et le Myanmar.';
    expect(g.find(text).map((m) => m.text)).toEqual(names);
    g.add({ type: 'place', ref: 'mbabane', name: 'Mbabane', source: 'name' });
    expect(g.find('Mbabane et Monaco').map((m) => m.text)).toEqual(['Mbabane', 'Monaco']);
    expect(g.find('Mozart à Malmö').map((m) => m.text)).toEqual([]);
  });
});
