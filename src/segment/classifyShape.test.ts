import { describe, expect, it } from 'vitest';
import { DATELINE, mayBeDateline } from './classifyShape.js';

describe('mayBeDateline (the gate before DATELINE)', () => {
  it('lets datelines through and refuses lines that end like sentences', () => {
    for (const t of ['Vientiane, Lao PDR, 9 October 2024', 'Astana, 4 juillet 2024.', 'July 4, 2024', 'Москва, 4 июля 2024 г.', 'Москва, 4 июля 2024 года', '2024年7月4日', '4 июля 2024 г..']) {
      expect(DATELINE.test(t), t).toBe(true);
      expect(mayBeDateline(t), t).toBe(true);
    }
    for (const t of ['We met in Astana on 4 July 2024 and agreed.', 'ASEAN COMMUNITY-BUILDING', 'Le Hautpanel', '.', 'a']) {
      expect(mayBeDateline(t), t).toBe(false);
    }
  });

  it('never refuses a line that DATELINE matches (random lines built from dateline parts)', () => {
    // A small deterministic generator (no dependency): the same lines on every run.
    let seed = 12345;
    const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
    const pick = (xs: string[]) => xs[rnd(xs.length)]!;
    const places = ['Astana', 'Lao PDR', "Côte d'Ivoire", 'New-York', 'St. Petersburg', 'Москва', 'x'];
    const numbers = ['4', '17', '1er', '2024', '199', '0', '31', '2', '12'];
    const words = ['juillet', 'October', 'июля', 'Mai', 'É', 'ab'];
    const spaces = [' ', '  ', '\u00a0', '\t', ''];
    const tails = ['', '.', '..', ' .', '\u00a0.', ' г.', 'г.', ' года', ' г..', ' года.', ' г', 'а', '年', '日', '月', ',', ' x', '5', ' '];
    let matched = 0;
    for (let k = 0; k < 200_000; k++) {
      let t = '';
      for (let i = rnd(3); i > 0; i--) t += pick(places) + ',' + pick(spaces);
      const sp = () => pick(spaces);
      switch (rnd(4)) {
        case 0: t += pick(numbers) + sp() + pick(words) + sp() + pick(numbers); break;
        case 1: t += pick(words) + sp() + pick(numbers) + ',' + sp() + pick(numbers); break;
        case 2: t += pick(numbers) + '年' + pick(numbers) + '月' + pick(numbers) + '日'; break;
        default: t += pick(numbers) + sp() + pick(words);
      }
      t += pick(tails);
      if (rnd(4) === 0) t += pick(tails);
      t = t.trim();
      if (!t) continue;
      if (DATELINE.test(t)) {
        matched++;
        expect(mayBeDateline(t), JSON.stringify(t)).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
