/**
 * Lists of numbers packed into two typed arrays (compressed sparse rows): list i holds
 * items[starts[i]] … items[starts[i + 1] - 1]. The automata of the hand-written scanners
 * (topics' key automaton, facts' literal automaton) keep each state's outputs this way: a scan
 * reads them with two loads, without an array object per state.
 */
export interface PackedLists {
  /** Where each list starts in `items`, and one more entry: the end of the last list. */
  starts: Int32Array;
  items: Int32Array;
}

export function packLists(lists: readonly (readonly number[])[]): PackedLists {
  const starts = new Int32Array(lists.length + 1);
  let total = 0;
  for (let i = 0; i < lists.length; i++) {
    starts[i] = total;
    total += lists[i]!.length;
  }
  starts[lists.length] = total;
  const items = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (const k of list) items[at++] = k;
  return { starts, items };
}
