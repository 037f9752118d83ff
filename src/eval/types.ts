/**
 * The shape of an evaluation report. Every figure keeps its counts (not only the
 * ratio) so that reports of several documents can be pooled by summing counts
 * (micro-averaging) in `poolReports`.
 */

/** An accuracy: `correct` of `total` compared items; `value` is null when nothing was compared. */
export interface Ratio {
  correct: number;
  total: number;
  value: number | null;
}

/** Precision, recall and F1 from true positives, false positives and false negatives. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  /** null when the denominator is 0 (nothing predicted / nothing in gold / neither). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

/** One paragraph-level disagreement, kept so a person can look at it. */
export interface Disagreement {
  /** The document id (set when reports are pooled) and the gold paragraph's eId. */
  doc?: string;
  eId: string;
  field: string;
  predicted: unknown;
  gold: unknown;
}

export interface EvalReport {
  /** Documents pooled into this report (1 for `evaluate`). */
  documents: number;
  /** Document ids (gold side). */
  ids: string[];
  document: {
    /** Document language agreement (1 per document). */
    language: Ratio;
    organization: Ratio;
    date: Ratio;
    place: Ratio;
  };
  paragraphs: {
    gold: number;
    predicted: number;
    matched: number;
    /** matched / max(gold, predicted): 1 only when both sides segment identically. */
    matchedFraction: Ratio;
  };
  kind: Ratio;
  subjectScope: Ratio;
  subjectStates: Ratio;
  primaryAction: Ratio;
  actionCategories: Prf;
  commitment: Prf;
  commitments: {
    predictedTotal: number;
    goldTotal: number;
    /** Paragraphs whose `commitments` count is equal, among those where either side has a commitment. */
    countAgreement: Ratio;
  };
  entities: Prf;
  entitiesByType: Record<string, Prf>;
  /** ref equality on matched mentions whose gold mention has a ref. */
  refAccuracy: Ratio;
  stateRefAccuracy: Ratio;
  /** value equality on matched mentions whose gold mention has a value. */
  valueAccuracy: Ratio;
  dateValueAccuracy: Ratio;
  proposals: Prf;
  /** Stance equality on proposals matched by proposer. */
  proposalStance: Ratio;
  topics: Prf;
  disagreements: Disagreement[];
}
