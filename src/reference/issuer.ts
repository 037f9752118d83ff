import { getGazetteer } from './names.js';
import { getOrganization, rootOrganization } from './load.js';

/**
 * Which organization issues a declaration: the organization named most prominently in its first
 * paragraphs (the title, the dateline, the opening formula "Les dirigeants des États membres de
 * l'OCS…", "We, the Leaders of BRICS…", "G20 New Delhi Leaders' Declaration"). A body counts for
 * its organization ("Collective Security Council of the CSTO" → csto). Earlier paragraphs weigh
 * more, and a mention right after an opening cue ("Leaders of", "États membres de", "члены",
 * "成员国") weighs double. Reads only the texts; returns the root organization id and the score,
 * or null when no organization is named.
 */
export interface IssuerGuess {
  id: string;
  score: number;
  /** Index (in the given texts) of the paragraph with the strongest mention. */
  paragraph: number;
}

const OPENING_CUE = /(?:leaders?|members?|member states|heads of state(?: and government)?|dirigeants|états membres|etats membres|chefs d[’']état|члены|членов|государств|руководители|领导人|成员国|元首)\W{0,40}$/iu;
const MAX_PARAGRAPHS = 4;
const MAX_CHARS = 3000;

export function detectIssuer(texts: string[], lang: string): IssuerGuess | null {
  const gaz = getGazetteer(lang, null);
  const scores = new Map<string, { score: number; paragraph: number; best: number }>();
  let used = 0;
  for (let k = 0; k < texts.length && k < MAX_PARAGRAPHS && used < MAX_CHARS; k++) {
    const text = texts[k].slice(0, MAX_CHARS - used);
    used += text.length;
    for (const m of gaz.find(text)) {
      if (m.entry.type !== 'organization') continue;
      const org = getOrganization(m.entry.ref);
      if (!org || org.kind === 'office') continue;
      const root = rootOrganization(org.id);
      const cue = OPENING_CUE.test(text.slice(Math.max(0, m.start - 80), m.start));
      const w = (1 / (k + 1)) * (cue ? 2 : 1);
      const cur = scores.get(root) ?? { score: 0, paragraph: k, best: 0 };
      cur.score += w;
      if (w > cur.best) { cur.best = w; cur.paragraph = k; }
      scores.set(root, cur);
    }
  }
  let best: IssuerGuess | null = null;
  for (const [id, s] of scores) if (!best || s.score > best.score) best = { id, score: s.score, paragraph: s.paragraph };
  return best;
}
