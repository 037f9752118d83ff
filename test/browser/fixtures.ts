import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/analyze.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Analysis } from '../../src/types.js';

/**
 * Analyses for the server and browser tests: the hand-annotated gold files (so highlights,
 * subsets and proposals exist whatever the analyser's state) and one hostile document whose
 * paragraph holds markup that must render as text.
 */
export const GOLD_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'gold');
export const ASTANA_ID = 'sco-2024-astana';
export const HOSTILE_ID = 'hostile-markup';
/** Paragraphs in the gold Astana file (121: para_1 … para_121, counted in the file by hand). */
export const ASTANA_PARAGRAPHS = 121;
export const SCRIPT_TEXT = '<script>alert(1)</script>';
export const IMG_TEXT = '<img src=x onerror=alert(2)>';
/** A name with no break opportunity, longer than any screen: must wrap, not widen the page. */
export const LONG_NAME = 'Intergovernmental' + 'Commission'.repeat(30);

export function loadGold(): Analysis[] {
  const out: Analysis[] = [JSON.parse(readFileSync(join(GOLD_DIR, 'sco-2024-astana.fr.json'), 'utf8')) as Analysis];
  const dev = join(GOLD_DIR, 'dev');
  for (const f of readdirSync(dev).sort()) if (f.endsWith('.json')) out.push(JSON.parse(readFileSync(join(dev, f), 'utf8')) as Analysis);
  return out;
}

/** A small document whose second paragraph carries a script tag and an img with onerror, with an entity highlight over the img. */
export function hostileAnalysis(): Analysis {
  const text = `Hostile test declaration\n\nThe member states support ${SCRIPT_TEXT} and ${IMG_TEXT} as plain words.\n\nThe member states welcome the test.\n\nThe member states note the ${LONG_NAME} and its work.`;
  const a = analyzeText(text, { id: HOSTILE_ID, lang: 'en', facts: false });
  a.document.title = `Hostile ${SCRIPT_TEXT} title`;
  a.document.place = LONG_NAME;
  const p = a.paragraphs.find((x) => x.text.includes(IMG_TEXT));
  if (p) {
    const start = p.text.indexOf(IMG_TEXT);
    p.entities.push({ type: 'instrument', text: IMG_TEXT, start, end: start + IMG_TEXT.length, ref: '<b>ref</b>' });
  }
  return a;
}

export function fixtureAnalyses(): Analysis[] {
  return [...loadGold(), hostileAnalysis(), revisedAstana()];
}

export const REVISED_ID = 'sco-2024-astana-revised';
/** The gold Astana analysis with one paragraph reworded, one dropped and one added: a known diff for Compare. */
export function revisedAstana(): Analysis {
  const a = structuredClone(loadGold()[0]);
  a.document.id = REVISED_ID;
  a.document.title = `${a.document.title ?? ''} (revised test copy)`;
  a.document.contentHash = 'revised-test-copy';
  a.paragraphs[2] = { ...a.paragraphs[2], text: a.paragraphs[2].text.replace(/\.$/, '') + ' et au-delà de toute attente.', entities: [], actions: [] };
  a.paragraphs.splice(9, 1);
  a.paragraphs.push({ ...a.paragraphs[0], n: 999, eId: 'para_999', text: 'Paragraphe ajouté pour le test de comparaison uniquement, sans rapport avec le reste.', entities: [], actions: [], proposals: [], topics: [] });
  return a;
}
