/**
 * Time scales for the organisation page's timelines: dates (ISO, or a bare year) to x
 * positions in an SVG. Pure functions, so they are tested without a browser.
 */

/** Fractional year of an ISO date or year ("2024-07-04" → 2024.505; "2025" → 2025). */
export function yearValue(iso: string | null | undefined, end = false): number | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return end ? y + 1 : y;
  const month = Number(m[2]) - 1;
  const day = m[3] ? Number(m[3]) - 1 : 0;
  return y + (month + day / 31) / 12;
}

export interface Scale {
  from: number;
  to: number;
  width: number;
  x(year: number): number;
  /** Whole years to label on the axis (at most about 12). */
  ticks: number[];
}

/** A linear scale over [from, to] years onto [0, width] pixels. */
export function makeScale(from: number, to: number, width: number): Scale {
  const lo = Math.floor(from);
  const hi = Math.max(lo + 1, Math.ceil(to));
  const step = Math.max(1, Math.ceil((hi - lo) / 12));
  const ticks: number[] = [];
  for (let y = lo; y <= hi; y += step) ticks.push(y);
  return { from: lo, to: hi, width, x: (y) => ((y - lo) / (hi - lo)) * width, ticks };
}

/** The span of a period clipped to a scale, or null when it has no known bound at all. */
export function barOf(scale: Scale, start: string | null, end: string | null): { x: number; w: number; openStart: boolean; openEnd: boolean } | null {
  const s = yearValue(start);
  const e = yearValue(end, true);
  if (s === null && e === null) return null;
  const a = Math.max(scale.from, s ?? scale.from);
  const b = Math.min(scale.to, e ?? scale.to);
  if (b < a) return null;
  return { x: scale.x(a), w: Math.max(2, scale.x(b) - scale.x(a)), openStart: s === null, openEnd: e === null };
}
