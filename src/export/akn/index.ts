import { registerFormatter } from '../formats.js';
import { buildAkn } from './buildAkn.js';

/** The Akoma Ntoso 3.0 export (`--format akn`): one XML document per analysis. */
export { buildAkn, AKN_NS, type AknOptions } from './buildAkn.js';
export { readAkn } from './readAkn.js';
export { validateAkn, AKN_SCHEMA_PATH } from './validate.js';

registerFormatter('akn', (analysis) => ({ kind: 'text', text: buildAkn(analysis) }));
