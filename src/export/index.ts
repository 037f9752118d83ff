/** Entry of the export stage: every output format registers here. */
export { FORMATTERS, registerFormatter, type Formatter, type RenderedOutput } from './formats.js';
// Each format module registers its formatter when imported.
import './akn/index.js';
import './csv/index.js';
import './jsonl/index.js';
