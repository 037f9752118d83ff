/** The organisation model (issue 6): see README.md. */
export * from './types.js';
export { computeOrgState } from './state.js';
export { defaultOrgRegistry, displayName, loadOrgRegistry, makeOrgRegistry, isActiveOn, registryFromReference } from './registry.js';
export { orgDocumentFromAnalysis, loadOrgDocuments, MAX_ORG_DOCUMENTS, type OrgStoreReader } from './documents.js';
export { linkProposals } from './proposals.js';
export { renderOrgText, stateName } from './render.js';
