/**
 * A string's UTF-16 code units in a typed array, for the hand-written scanners that read every
 * unit of a paragraph: one native copy, then plain array reads, where charCodeAt per unit costs
 * several times more (the scanners' main cost). Each scanner owns its scratch: the view returned
 * by `load` is valid until that scratch's next `load`.
 */
export class CodeUnitScratch {
  private bytes = Buffer.alloc(0);
  private units = new Uint16Array(0);

  /** The code units of `s` (a view of length s.length; little-endian, as on every platform Node runs on). */
  load(s: string): Uint16Array {
    const n = s.length;
    if (this.units.length < n) {
      const size = 2 * Math.max(n, 2 * this.units.length, 1024);
      this.bytes = Buffer.alloc(size);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, size >> 1);
    }
    this.bytes.write(s, 0, 2 * n, 'utf16le');
    return this.units.subarray(0, n);
  }
}
