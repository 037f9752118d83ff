import { foldForMatch, stripAccentsSameLength } from '../../text/fold.js';

/**
 * The folded forms of the paragraph being analysed, remembered for the next caller. Several
 * recognisers fold the same paragraph text (known names and bodies use foldLoose; date patterns
 * and date spans use foldForMatch), one right after the other: folding a long paragraph costs
 * three regex passes and a character loop, so each form is computed once per text.
 * One entry per form: the recognisers run paragraph after paragraph, so older texts never return.
 */
let lastMatchIn: string | null = null;
let lastMatchOut = '';
let lastLooseIn: string | null = null;
let lastLooseOut = '';

/** foldForMatch(text), computed once for consecutive calls with the same text. */
export function foldForMatchOnce(text: string): string {
  if (text !== lastMatchIn) { lastMatchOut = foldForMatch(text); lastMatchIn = text; }
  return lastMatchOut;
}

/** foldLoose(text), computed once for consecutive calls with the same text. */
export function foldLooseOnce(text: string): string {
  // foldLoose(s) is stripAccentsSameLength(foldForMatch(s)): reuse the remembered foldForMatch
  if (text !== lastLooseIn) { lastLooseOut = stripAccentsSameLength(foldForMatchOnce(text)); lastLooseIn = text; }
  return lastLooseOut;
}
