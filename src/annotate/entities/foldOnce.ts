import { foldForMatchCached, foldLooseCached } from '../../text/fold.js';

/**
 * The folded forms of the paragraph being analysed, remembered for the next caller. Several
 * recognisers fold the same paragraph text (known names and bodies use foldLoose; date patterns
 * and date spans use foldForMatch), one right after the other: the last text of each form is
 * compared first (cheapest), then the shared cache of src/text/fold.ts, which later stages
 * reading the same paragraph can hit too.
 */
let lastMatchIn: string | null = null;
let lastMatchOut = '';
let lastLooseIn: string | null = null;
let lastLooseOut = '';

/** foldForMatch(text), computed once for consecutive calls with the same text. */
export function foldForMatchOnce(text: string): string {
  if (text !== lastMatchIn) { lastMatchOut = foldForMatchCached(text); lastMatchIn = text; }
  return lastMatchOut;
}

/** foldLoose(text), computed once for consecutive calls with the same text. */
export function foldLooseOnce(text: string): string {
  if (text !== lastLooseIn) { lastLooseOut = foldLooseCached(text); lastLooseIn = text; }
  return lastLooseOut;
}
