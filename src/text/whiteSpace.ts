/**
 * White space as a regular expression's `\s` reads it, for one UTF-16 code unit: ECMAScript's
 * WhiteSpace and LineTerminator. The hand-written scanners (clause tokens, date anchors, sentence
 * splitting) test it on every character, where a regex per character or a slice would cost more
 * than the scan itself. A surrogate is never white space. The test beside this file checks every
 * code unit against /\s/u.
 */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
