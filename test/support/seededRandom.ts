/**
 * Seeded pseudo-random numbers for the fuzz tests beside the stages (mulberry32: small, fast,
 * and good enough to vary inputs), so that a failing input can be replayed from its seed.
 */

/** A generator of unsigned 32-bit integers from `seed`. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A generator of integers in [0, n), for picking among n items. */
export function seededIndex(seed: number): (n: number) => number {
  const next = mulberry32(seed);
  return (n) => next() % n;
}

/** A generator of numbers in [0, 1), like Math.random. */
export function seededFloat(seed: number): () => number {
  const next = mulberry32(seed);
  return () => next() / 4294967296;
}
