/**
 * A class per UTF-16 code unit, computed by `classify` the first time a unit is met and then read
 * from a 64 KB table. The hand-written scanners (tokenisers, gazetteer keys, cue and topic indexes)
 * class every character they read: a regex test per character was their bottleneck, and most
 * texts use a few hundred distinct code units. `classify` returns 0–254 (255 marks "not yet known").
 * A position past the end of a string (charCodeAt gives NaN) reads as undefined, as the table would.
 */
export function lazyCodeTable(classify: (ch: string) => number): (code: number) => number {
  const table = new Uint8Array(0x10000).fill(255);
  return (code: number): number => {
    let k = table[code]!;
    if (k === 255) {
      k = classify(String.fromCharCode(code));
      table[code] = k;
    }
    return k;
  };
}

/**
 * A lazily filled yes/no table for a one-character test (see lazyCodeTable). It reads its own table
 * rather than calling a lazyCodeTable function: that inner call, made from one shared closure for
 * every test in the program, stopped being inlined once several scanners had run (the tokenisers
 * measured 1.7× slower after one whole analysis).
 */
export function lazyCodeTest(test: RegExp | ((ch: string) => boolean)): (code: number) => boolean {
  const holds = typeof test === 'function' ? test : (ch: string) => test.test(ch);
  const table = new Uint8Array(0x10000).fill(255);
  return (code: number): boolean => {
    let k = table[code]!;
    if (k === 255) {
      k = holds(String.fromCharCode(code)) ? 1 : 0;
      table[code] = k;
    }
    return k === 1;
  };
}
