/** Concord's public surface: import from here, nothing deep. */
export { analyzeBytes, analyzeText, analyzeIngested, type AnalyzeOptions } from './analyze.js';
export { UnreadableInputError } from './ingest/index.js';
export * from './types.js';
