/** Agreement between two analyses of one document, and pooling over documents. README.md explains each figure. */
export { evaluate, emptyReport, finishReport } from './evaluate.js';
export { pool } from './pool.js';
export { renderDisagreements, renderEvalTable } from './renderTable.js';
export { matchParagraphs } from './matchParagraphs.js';
export { matchEntities, overlapRatio } from './matchEntities.js';
export { normaliseParagraphText, normalisedOffset } from './normalise.js';
export type { EvalReport, Prf, Ratio, Disagreement } from './types.js';
