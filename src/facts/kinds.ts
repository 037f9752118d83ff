/** The kinds of institutional fact src/facts produces (the `kind` field). */
export const FACT_KINDS = [
  'admission', 'status-change', 'chairmanship', 'next-summit', 'body', 'anniversary',
  'instrument', 'designation', 'proposal',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];
