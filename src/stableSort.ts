/**
 * Sorts in place, stably (as Array.prototype.sort): by insertion for the few items a paragraph
 * sorts (its mentions, actions, cue matches), by the builtin for more. Why not the builtin always:
 * at every call it allocates its work state (a copy of the array and a table of pending runs, some
 * 700 bytes however short the array) and runs ~4× slower than this on a handful of items, and the
 * stages sort a few times per paragraph, a few hundred thousand times per megabyte.
 * A stable sort's result is fixed by the comparator alone, so the two ways give the same order.
 * Callers pass comparators of their own type (each module its `byStart`), not one shared one: a
 * comparator called with mentions, actions, cue matches and candidates would read `start` from
 * more hidden classes than V8 caches at one site, and every comparison would take the slow look-up.
 */
export function stableSort<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
  if (a.length > 16) return a.sort(cmp);
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i;
    for (; j > 0 && cmp(a[j - 1]!, x) > 0; j--) a[j] = a[j - 1]!;
    a[j] = x;
  }
  return a;
}
