/**
 * A string's UTF-16 code units in a typed array, for the hand-written scanners that read every
 * unit of a paragraph: one native copy, then plain array reads, where charCodeAt per unit costs
 * several times more (the scanners' main cost). Each user owns its scratch: a view it returns is
 * valid until that scratch's next `load` or `room`. The folds (fold.ts) also write units back
 * into the scratch and read them out as a string (`text`).
 */
export class CodeUnitScratch {
  private bytes = Buffer.alloc(0);
  private units = new Uint16Array(0);

  /** Room for n code units (contents left from earlier use), grown as needed. */
  room(n: number): Uint16Array {
    if (this.units.length < n) {
      const size = 2 * Math.max(n, 2 * this.units.length, 1024);
      this.bytes = Buffer.alloc(size);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, size >> 1);
    }
    return this.units.subarray(0, n);
  }

  /** The code units of `s` (a view of length s.length; little-endian, as on every platform Node runs on). */
  load(s: string): Uint16Array {
    const units = this.room(s.length);
    this.bytes.write(s, 0, 2 * s.length, 'utf16le');
    return units;
  }

  /** The first n code units, as they are now, as a string. */
  text(n: number): string {
    return this.bytes.toString('utf16le', 0, 2 * n);
  }

  /**
   * The first n code units, every one below 0x100, as a string: the same string as `text(n)`, made
   * one-byte (half the memory, and what V8 builds for such text anyway when it slices or lowers it).
   * The units are packed into the scratch's first n bytes in place: byte k is written after unit k
   * (bytes 2k and 2k + 1) is read, so no unit is overwritten before it is read.
   */
  oneByteText(n: number): string {
    const { bytes, units } = this;
    for (let k = 0; k < n; k++) bytes[k] = units[k]!;
    return bytes.toString('latin1', 0, n);
  }
}
