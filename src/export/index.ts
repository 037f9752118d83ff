/** Entry of the export stage: every output format registers here. */
export { FORMATTERS, registerFormatter, type Formatter, type RenderedOutput } from './formats.js';
