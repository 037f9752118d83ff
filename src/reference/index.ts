/** Public surface of the reference data (see README.md in this folder). */
export {
  getStates, getState, getOrganizations, getOrganization, getOrganizationsFile, rootOrganization,
  getPlaces, getPlace, getBlockers, getMemberships, membersOn, chairOn, validateData,
  type MembersOnOptions,
} from './load.js';
export { getGazetteer, buildEntries, languagesFor, expandedOrganizationNames } from './names.js';
export { Gazetteer, resolveOverlaps, type GazetteerEntry, type GazetteerMatch, type GazetteerType } from './gazetteer.js';
export { detectIssuer, type IssuerGuess } from './issuer.js';
export { makeTextKey, makeNameKey, stemRussian, type TextKey } from './keys.js';
export type * from './types.js';
