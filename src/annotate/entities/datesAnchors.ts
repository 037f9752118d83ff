import { isWhiteSpaceCode } from '../../text/whiteSpace.js';

/**
 * Reading a lexicon word backwards or forwards from a known position of a folded text, for the
 * date patterns whose words stand next to a number (a month name before "2024" or after "4", a
 * cue such as "by" or "à l'horizon de" before a year). Finding those words from the numbers
 * replaces a scan of the whole paragraph for them (dates.ts, anchoredStarts).
 *
 * A form is read as the regex that `alternation` (datesLexicon.ts) builds from it: a space stands
 * for one or more white-space characters (\s+), an apostrophe may be followed by one (\s?), every
 * other character stands for itself.
 */

/** The start of the run of white space that ends at `p` (p itself when there is none). */
export function spaceStartBefore(f: string, p: number): number {
  while (p > 0 && isWhiteSpaceCode(f.charCodeAt(p - 1))) p--;
  return p;
}

/** The end of the run of white space that starts at `p` (p itself when there is none). */
export function spaceEndAfter(f: string, p: number): number {
  while (p < f.length && isWhiteSpaceCode(f.charCodeAt(p))) p++;
  return p;
}

/**
 * Where `form` (read as alternation() reads it) starts when it ends exactly at `end` of `f`, or -1.
 * There is at most one such start: a space of the form takes the whole run of white space before
 * the word it follows (the word's characters are no white space), and the optional space after an
 * apostrophe is there or not depending on the character before.
 */
export function formStartEndingAt(f: string, form: string, end: number): number {
  let pos = end;
  for (let i = form.length - 1; i >= 0; i--) {
    const ch = form.charCodeAt(i);
    if (ch === 0x20) {
      if (pos === 0 || !isWhiteSpaceCode(f.charCodeAt(pos - 1))) return -1;
      pos = spaceStartBefore(f, pos);
      continue;
    }
    if (pos === 0 || f.charCodeAt(pos - 1) !== ch) return -1;
    pos--;
    // "'\s?": one white-space character may stand between an apostrophe and what follows it
    if (i > 0 && form.charCodeAt(i - 1) === 0x27 && pos > 0 && isWhiteSpaceCode(f.charCodeAt(pos - 1))) pos--;
  }
  return pos;
}

/** Whether every form reads as itself (no space, no apostrophe), so that a plain string comparison finds it. */
export function allPlain(forms: readonly string[]): boolean {
  return forms.every((x) => !x.includes(' ') && !x.includes("'"));
}

/** Where `form` (read as alternation() reads it) ends when it starts exactly at `start` of `f`, or -1. */
export function formEndStartingAt(f: string, form: string, start: number): number {
  let pos = start;
  for (let i = 0; i < form.length; i++) {
    const ch = form.charCodeAt(i);
    if (ch === 0x20) {
      if (pos >= f.length || !isWhiteSpaceCode(f.charCodeAt(pos))) return -1;
      pos = spaceEndAfter(f, pos);
      continue;
    }
    if (pos >= f.length || f.charCodeAt(pos) !== ch) return -1;
    pos++;
    // "'\s?": greedy, so a white-space character after the apostrophe is taken when the form goes on
    // with a letter (with a space, the space takes the whole run itself)
    if (ch === 0x27 && i + 1 < form.length && form.charCodeAt(i + 1) !== 0x20 && pos < f.length && isWhiteSpaceCode(f.charCodeAt(pos))) pos++;
  }
  return pos;
}
