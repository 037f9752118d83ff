import { registerFormatter } from '../formats.js';
import { buildAkn } from './buildAkn.js';

/**
 * The Akoma Ntoso 3.0 export (`--format akn`): one XML document per analysis.
 * The reader (./readAkn.js) and the validator (./validate.js) are imported from their own
 * modules, so that loading the formatter does not load the XML parser or libxml2-wasm.
 */
export { buildAkn, AKN_NS, type AknOptions } from './buildAkn.js';

registerFormatter('akn', (analysis) => ({ kind: 'text', text: buildAkn(analysis) }));
