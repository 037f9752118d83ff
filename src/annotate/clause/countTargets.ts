import type { Action } from '../../types.js';
import type { CommitmentLexicon } from './lexicons.js';
import { foldPhrase, tokenize, type Sentence, type Token } from './tokens.js';

/**
 * Counts the discrete commitments a pledge action carries (GUIDELINES §4 and the
 * annotation notes): one for the pledge, plus one per further coordinated target of
 * future action in its clause — an infinitive after a coordinator or a comma
 * ("…, de développer … et d'augmenter …", "…, and to enhancing …") or a gerund
 * ("en promouvant …") that does not merely spell out the pledge ("notamment en …").
 * The clause runs from the action to the next action or the end of the sentence.
 */
/** A commitment lexicon's word lists and patterns, folded and compiled once (cached per lexicon object). */
interface CompiledTargets {
  coord: string[][];
  markers: Set<string>;
  verbWord: RegExp;
  markedVerbWord: RegExp;
  notVerbs: Set<string>;
  gerundMarkers: Set<string>;
  gerundWord: RegExp | null;
  spellOut: string[][];
}
const compiledTargets = new WeakMap<CommitmentLexicon, CompiledTargets>();

function compileTargets(lex: CommitmentLexicon): CompiledTargets {
  let c = compiledTargets.get(lex);
  if (!c) {
    c = {
      coord: lex.coordinators.map(foldPhrase),
      markers: new Set(lex.infinitiveMarkers.flatMap(foldPhrase)),
      verbWord: new RegExp(lex.verbWord, 'u'),
      markedVerbWord: new RegExp(lex.markedVerbWord ?? lex.verbWord, 'u'),
      notVerbs: new Set(lex.notVerbs.flatMap(foldPhrase)),
      gerundMarkers: new Set(lex.gerundMarkers.flatMap(foldPhrase)),
      gerundWord: lex.gerundWord ? new RegExp(lex.gerundWord, 'u') : null,
      spellOut: lex.spellOut.map(foldPhrase),
    };
    compiledTargets.set(lex, c);
  }
  return c;
}

/** A verb by the lexicon's verb pattern, and not one of its look-alikes. */
function isVerb(c: CompiledTargets, w: string | undefined): boolean {
  return !!w && c.verbWord.test(w) && !c.notVerbs.has(w);
}

/** Whether the tokens right before token i are one of the phrases. */
function endsWith(tokens: Token[], i: number, phrases: string[][]): boolean {
  return phrases.some((p) => i - p.length >= 0 && p.every((w, k) => tokens[i - p.length + k]!.w === w));
}

export function countTargets(text: string, action: Action, regionEnd: number, lex: CommitmentLexicon): number {
  const region = text.slice(action.end, regionEnd);
  const tokens = tokenize(region);
  const c = compileTargets(lex);
  const { coord, markers, markedVerbWord, notVerbs, gerundMarkers, gerundWord, spellOut } = c;
  let count = 1;
  // "continueront, notamment en …, à lutter": after an incise the first infinitive is the pledge's own.
  let baseSeen = !/^\s*,/u.test(region);
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const gapBefore = region.slice(tokens[i - 1]!.end, t.start);
    const afterComma = gapBefore.includes(',');
    const afterCoord = endsWith(tokens, i, coord);
    if (afterComma || afterCoord) {
      const after = tokens[i + 1]?.w;
      if (markers.has(t.w) && after && markedVerbWord.test(after) && !notVerbs.has(after)) {
        if (baseSeen) count++;
        baseSeen = true;
        i++;
        continue;
      }
      // "enhancing and improving X": two verbs, one object, one target.
      const sharedObject = isVerb(c, tokens[i - 2]?.w) || i - 1 === 0;
      if (afterCoord && !afterComma && isVerb(c, t.w) && !markers.has(tokens[i - 1]!.w) && !sharedObject) { count++; continue; }
    }
    if (gerundWord && gerundMarkers.has(t.w) && gerundWord.test(tokens[i + 1]?.w ?? '') && !endsWith(tokens, i, spellOut)) {
      count++;
      i++;
    }
  }
  return count;
}

/** The end of the clause an action governs: the next action in its sentence, or the sentence end. */
export function clauseEnd(action: Action, actions: Action[], sentences: Sentence[], textLength: number): number {
  const s = sentences.find((x) => action.start >= x.start && action.start < x.end);
  const end = s ? s.end : textLength;
  // The nearest start of a later action before `end` (a loop: filter/map/Math.min made three
  // arrays per action, and the map's array kind changed when this was optimised).
  let next = end;
  for (const a of actions) if (a.start > action.start && a.start < next) next = a.start;
  return next;
}
