import { registerFormatter } from '../formats.js';
import { renderCsv } from './renderCsv.js';

/** The CSV export (`--format csv`): paragraphs, commitments, entities and proposals tables. */
export { renderCsv, CSV_FILES } from './renderCsv.js';
export { writeCsv, escapeCell, UTF8_BOM } from './writeCsv.js';

registerFormatter('csv', (analysis) => ({ kind: 'files', files: renderCsv([analysis]) }));
