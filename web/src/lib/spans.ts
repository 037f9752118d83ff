/**
 * Splits a text into segments at every annotation boundary, so overlapping highlights become
 * flat runs of text each carrying the annotations that cover it. Offsets are UTF-16 code
 * units (as in the Analysis); out-of-range or empty spans are dropped, never thrown on.
 */
export interface Mark<T> {
  start: number;
  end: number;
  data: T;
}

export interface Segment<T> {
  start: number;
  end: number;
  text: string;
  marks: Array<Mark<T>>;
}

export function segmentText<T>(text: string, marks: Array<Mark<T>>): Array<Segment<T>> {
  const valid = marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end);
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Array<Segment<T>> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start === end) continue;
    out.push({ start, end, text: text.slice(start, end), marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return out;
}
