import { describe, expect, it } from 'vitest';
import { CHRONO_MONTHS, CHRONO_MONTHS_FOLDED, findDates, findDateSpans } from './dates.js';

/** [text, value] pairs of the dates found, in text order. Expected values below are checked by hand. */
const found = (text: string, lang: string, refYear?: number) => findDates(text, lang, { refYear }).map((e) => [e.text, e.value]);

describe('findDates: French', () => {
  it('reads full dates, ranges and listed days', () => {
    expect(found('à Astana le 4 juillet 2024, déclarent', 'fr')).toEqual([['4 juillet 2024', '2024-07-04']]);
    expect(found('(Samarkand, 7-11 août 2023)', 'fr')).toEqual([['7-11 août 2023', '2023-08-07/2023-08-11']]);
    expect(found('les 1er et 2 février 2024 à Moscou', 'fr')).toEqual([['1er et 2 février 2024', '2024-02-01/2024-02-02']]);
    expect(found('du 17 au 19 septembre 2024 à Omsk', 'fr')).toEqual([['17 au 19 septembre 2024', '2024-09-17/2024-09-19']]);
    expect(found('du 30 juin au 2 juillet 2025', 'fr')).toEqual([['30 juin au 2 juillet 2025', '2025-06-30/2025-07-02']]);
    expect(found('du Traité du 1er juillet 1968', 'fr')).toEqual([['1er juillet 1968', '1968-07-01']]);
  });
  it('reads months, years, periods and open starts', () => {
    expect(found('en novembre 2024 au Koweït', 'fr')).toEqual([['novembre 2024', '2024-11']]);
    expect(found('déclarer 2025 Année', 'fr')).toEqual([['2025', '2025']]);
    expect(found('pour 2024-2029 et', 'fr')).toEqual([['2024-2029', '2024/2029']]);
    expect(found('pour 2025–2027', 'fr')).toEqual([['2025–2027', '2025/2027']]);
    expect(found('la période allant jusqu’en 2030', 'fr')).toEqual([['jusqu’en 2030', '../2030']]);
    expect(found('Programme à l’horizon 2030', 'fr')).toEqual([['à l’horizon 2030', '../2030']]);
    expect(found('au XXIe siècle', 'fr')).toEqual([['XXIe siècle', '2001/2100']]);
  });
  it('keeps machine-translation garbling inside the span', () => {
    expect(found('pour 2025. –2027, visant', 'fr')).toEqual([['2025. –2027', '2025/2027']]);
    expect(found('le 20 mars. , 2024 à Vienne', 'fr')).toEqual([['20 mars. , 2024', '2024-03-20']]);
  });
  it('does not read symbols and quantities as dates', () => {
    expect(found('la résolution 2231 du Conseil de sécurité', 'fr')).toEqual([]);
    expect(found('la résolution 2118 du Conseil', 'fr')).toEqual([]);
    expect(found('le G20, 78/269, 45 %, COVID-19, le 30e anniversaire', 'fr')).toEqual([]);
    expect(found('plus de 2000 personnes', 'fr')).toEqual([]);
  });
});

describe('findDates: English', () => {
  it('reads dates, ranges and periods', () => {
    expect(found('met in Rio de Janeiro from 6 to 7 July 2025 for', 'en')).toEqual([['6 to 7 July 2025', '2025-07-06/2025-07-07']]);
    expect(found('met in New Delhi on 9-10 September 2023, under', 'en')).toEqual([['9-10 September 2023', '2023-09-09/2023-09-10']]);
    expect(found('held via videoconference on10 November 2020, declare', 'en')).toEqual([['10 November 2020', '2020-11-10']]);
    expect(found('signed on July 4, 2024 in', 'en')).toEqual([['July 4, 2024', '2024-07-04']]);
    expect(found('held July 6–7, 2025, in Rio', 'en', 2024)).toEqual([['July 6–7, 2025', '2025-07-06/2025-07-07']]);
    expect(found('from July 30 to August 2, 2025.', 'en', 2024)).toEqual([['July 30 to August 2, 2025', '2025-07-30/2025-08-02']]);
    expect(found('on 6 and 7 July 2025', 'en')).toEqual([['6 and 7 July 2025', '2025-07-06/2025-07-07']]);
    expect(found('from 2025 to 2027', 'en')).toEqual([['2025 to 2027', '2025/2027']]);
    expect(found('in 2024-25', 'en')).toEqual([['2024-25', '2024/2025']]);
    expect(found('in the 21st century', 'en')).toEqual([['21st century', '2001/2100']]);
  });
  it('reads open starts but not a name that begins with a year', () => {
    expect(found('to end hunger by 2030.', 'en')).toEqual([['by 2030', '../2030']]);
    expect(found('from now until 2030', 'en')).toEqual([['until 2030', '../2030']]);
    expect(found('the period up to 2030, and', 'en')).toEqual([['up to 2030', '../2030']]);
    expect(found('our commitment to 2030 Agenda', 'en')).toEqual([['2030', '2030']]);
    expect(found('to be agreed by end-2025 and reviewed in mid-2026.', 'en')).toEqual([['by end-2025', '../2025'], ['mid-2026', '2026']]);
    expect(found('the 2030 Agenda for Sustainable Development', 'en')).toEqual([['2030', '2030']]);
  });
  it('does not read symbols and quantities as dates', () => {
    expect(found('17 years of BRICS Summits and the 30th anniversary of the G20', 'en')).toEqual([]);
    expect(found('General Assembly resolution 78/269 and resolution 2231', 'en')).toEqual([]);
    expect(found('they may 2030 hold', 'en')).toEqual([['2030', '2030']]);
  });
  it('lets chrono read only around what the hand patterns left without a day', () => {
    // a weekday stays outside the span (chrono's span would start at "On Saturday,")
    expect(found('The assembly met On Saturday, 16 September 2023 in New York.', 'en')).toEqual([['16 September 2023', '2023-09-16']]);
    // a UN masthead, the day first: chrono would take in the meeting number ("19 30/09/2015") and
    // read "22 01/10/2015" month first (2015-01-10)
    expect(found('A/70/PV.19 30/09/2015', 'en')).toEqual([['30/09/2015', '2015-09-30']]);
    expect(found('A/70/PV.22 01/10/2015', 'en')).toEqual([['01/10/2015', '2015-10-01']]);
    // a day glued to a word by a PDF: the hand patterns read only the month, chrono the day
    expect(found('held via videoconference on10 November 2020, declare', 'en')).toEqual([['10 November 2020', '2020-11-10']]);
  });
});

describe('findDates: Russian and Chinese', () => {
  it('reads Russian dates with their year word', () => {
    expect(found('от 29 мая 2014 года,', 'ru')).toEqual([['29 мая 2014 года', '2014-05-29']]);
    expect(found('на 2025–2027 годы', 'ru')).toEqual([['2025–2027 годы', '2025/2027']]);
    expect(found('до 2030 года', 'ru')).toEqual([['до 2030 года', '../2030']]);
    expect(found('резолюция 2231 Совета', 'ru')).toEqual([]);
  });
  it('reads Chinese dates; a day without a year takes the document year, else --MM-DD', () => {
    expect(found('2024年7月4日在阿斯塔纳', 'zh')).toEqual([['2024年7月4日', '2024-07-04']]);
    expect(found('我们重申3月26日峰会', 'zh', 2020)).toEqual([['3月26日', '2020-03-26']]);
    expect(found('我们重申3月26日峰会', 'zh')).toEqual([['3月26日', '--03-26']]);
    expect(found('2025-2027年', 'zh')).toEqual([['2025-2027年', '2025/2027']]);
    expect(found('实现21世纪所有人的机遇', 'zh')).toEqual([['21世纪', '2001/2100']]);
    expect(found('2030年前', 'zh')).toEqual([['2030年前', '../2030']]);
    expect(found('二十国集团', 'zh')).toEqual([]);
  });
  it('keeps offsets right on random sequences of date words (seeded fuzz)', () => {
    const vocab = ['1er', 'et', '2', '31', 'février', 'juillet', 'July', 'мая', '2024', '2025', '–', '-', '.', ',', 'jusqu’en', 'by', 'to',
      'au', 'from', '年', '月', '日', '3', '2030', 'года', 'XXIe', 'siècle', 'end', 'mid-2026', '78/269', 'résolution', '%', '20'];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let n = 0; n < 300; n++) {
      const words: string[] = [];
      const len = next() % 20;
      for (let k = 0; k < len; k++) words.push(vocab[next() % vocab.length]);
      const text = words.join(next() % 3 ? ' ' : '');
      for (const lang of ['fr', 'en', 'ru', 'zh']) {
        for (const e of findDates(text, lang, { refYear: 2024 })) {
          expect(text.slice(e.start, e.end)).toBe(e.text);
          expect(e.value).toMatch(/^(?:\.\.\/)?(?:--)?[\d-]+(?:\/(?:[\d-]+|\.\.))?$/);
        }
      }
    }
  });
  it('leaves relative expressions alone in a paragraph without a month name or numeric date (chrono gate)', () => {
    // chrono reads "Within 10 days" as a day; §5 does not count it as a date
    expect(found('Within 10 days the council met again.', 'en')).toEqual([]);
    expect(found('Il y a 44 jours, le conseil a siégé.', 'fr')).toEqual([]);
    // with a month name the paragraph is still parsed
    expect(found('The council met on 5 July.', 'en', 2024)).toEqual([['5 July', '2024-07-05']]);
    // chrono reads only a window around each month name: a relative expression far from it is not read
    const far = `Within 10 days the council met again, ${'and the members discussed many other questions '.repeat(4)}before the summit of 5 July.`;
    expect(found(far, 'en', 2024)).toEqual([['5 July', '2024-07-05']]);
  });
  it('never throws on odd input', () => {
    expect(findDates('', 'fr')).toEqual([]);
    expect(found('31 février 2024', 'fr')).toEqual([['février 2024', '2024-02']]); // no 31st: only the month is sure
    expect(found('4 July 2024', 'xx')).toEqual([['2024', '2024']]); // unknown language: only language-neutral numbers
    expect(() => findDates('9'.repeat(60_000), 'en')).not.toThrow();
  });
});

describe('findDates and findDateSpans on the same text (pattern hits shared per text)', () => {
  it('applies the reference year after the shared hits: 29 February only in a leap year', () => {
    const text = 'le 29 février à Paris';
    expect(findDateSpans(text, 'fr')).toEqual([{ start: 3, end: 13 }]);
    expect(found(text, 'fr', 2023)).toEqual([]);
    expect(found(text, 'fr', 2024)).toEqual([['29 février', '2024-02-29']]);
    expect(found(text, 'fr')).toEqual([['29 février', '--02-29']]);
  });
  it('keeps texts apart that fold to the same form (the English "may" check reads the text)', () => {
    expect(found('by May 2030 we', 'en')).toEqual([['May 2030', '2030-05']]);
    expect(found('by may 2030 we', 'en')).toEqual([['2030', '2030']]);
  });
  it('tries day patterns only on runs of one or two digits', () => {
    expect(found('123 juin 2024 et 5 juin', 'fr')).toEqual([['juin 2024', '2024-06'], ['5 juin', '--06-05']]);
    expect(found('Paragraph 12 of the report, since 1990, in 2015–2030 and on 3 March', 'en', 2021))
      .toEqual([['since 1990', '1990/..'], ['2015–2030', '2015/2030'], ['3 March', '2021-03-03']]);
  });
});

describe("the chrono gate's month words", () => {
  it('are found as the look-behind form of the regex finds them', () => {
    const sorted = [...CHRONO_MONTHS].sort((a, b) => b.length - a.length);
    const lookBehind = new RegExp(`(?<![A-Za-z0-9_])(?:${sorted.join('|')})(?![A-Za-z0-9_])|[\u017f\u1c80-\u1c85]`, 'g');
    const matches = (re: RegExp, f: string) => {
      const out: number[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(f); m; m = re.exec(f)) out.push(m.index, m.index + m[0].length);
      return out;
    };
    const pieces = [...CHRONO_MONTHS, 'ma', 'tember', 'rs', 'é', 'e', 's', '_', '1', '2024', ' ', '.', ',', '-', 'x', 'ж', 'я', 'ſ',
      '\u1c82', 'ı', 'K', 'May', 'aoû', 'маяк', 'decade', 'market'];
    let seed = 5;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    const wrong: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let f = '';
      const count = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < count; k++) f += pieces[Math.floor(rnd() * pieces.length)];
      if (JSON.stringify(matches(CHRONO_MONTHS_FOLDED, f)) !== JSON.stringify(matches(lookBehind, f))) wrong.push(JSON.stringify(f));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
