import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Analysis, Paragraph } from '../../types.js';
import { CONCORD_NS, CONCORD_PREFIX, writeConcordElement } from './concordData.js';
import { isBodyOf } from './displayNames.js';
import { writeInline } from './inline.js';
import { buildFrbrIris } from './iri.js';
import { collectReferences, type ReferenceTable } from './references.js';

/**
 * Analysis → Akoma Ntoso 3.0 XML (a <statement name="declaration">), valid against
 * schemas/akn/akomantoso30.xsd. Layout:
 *   preface   — the headings before the first non-heading paragraph;
 *   preamble  — the paragraphs before the first operative one: the proclamation
 *               (a preamble paragraph with a subject and an action, or ending with ":")
 *               as <formula>, other context paragraphs as <recitals>/<recital>;
 *   mainBody  — from the first operative paragraph on: <paragraph> per operative
 *               paragraph, <hcontainer name="heading|preamble|fragment"> for the others.
 * Every paragraph element carries its Concord eId (para_N), so the Concord data in
 * meta/proprietary and the text always line up. Reads: the analysis. Writes: nothing.
 */
export const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

export interface AknOptions {
  /** Date of this export (FRBRManifestation date), YYYY-MM-DD; defaults to SOURCE_DATE_EPOCH when set (reproducible output), else today (UTC). */
  exportDate?: string;
}

function defaultExportDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const ms = Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now();
  return new Date(ms).toISOString().slice(0, 10);
}

/** Where the printed number ends, when "<num> <text>" can be split losslessly (one space after it). */
export function numPrefixLength(p: Paragraph): number | null {
  if (!p.num) return null;
  const esc = p.num.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`^\\(?${esc}[.)、]?`, 'u').exec(p.text);
  // A bare word ("I", "a") without punctuation is not a printed number.
  if (!m || m[0] === p.num) return null;
  const k = m[0].length;
  if (p.text[k] !== ' ' || p.text[k + 1] === ' ' || k + 1 >= p.text.length) return null;
  return k;
}

function isFormula(p: Paragraph, indexInPreamble: number, preambleLength: number): boolean {
  if (p.kind !== 'preamble') return false;
  if (/[:：]\s*$/u.test(p.text)) return true;
  const edge = indexInPreamble === 0 || indexInPreamble === preambleLength - 1;
  return edge && p.subject.scope !== 'none' && p.actions.length > 0;
}

/** Writes `<num>` (when split) and the paragraph text with inline markup into `block` made by `makeBlock`. */
function writeText(el: XMLBuilder, p: Paragraph, refs: ReferenceTable, withNum: boolean, makeBlock: (el: XMLBuilder) => XMLBuilder): void {
  const k = withNum ? numPrefixLength(p) : null;
  if (k !== null) el.ele('num').txt(p.text.slice(0, k));
  const offset = k === null ? 0 : k + 1;
  writeInline(makeBlock(el), p.text.slice(offset), offset, p.entities, refs, p.eId);
}

function chooseAuthor(analysis: Analysis): string {
  const org = analysis.document.organization;
  if (!org) return 'unknown';
  // The issuing body is the organisation's own body named in the opening paragraphs (e.g. its
  // council of heads of state), else the organisation itself.
  for (const p of analysis.paragraphs.slice(0, 3)) {
    for (const e of p.entities) if (e.type === 'organization' && e.ref && isBodyOf(e.ref, org)) return e.ref;
  }
  return org;
}

export function buildAkn(analysis: Analysis, options: AknOptions = {}): string {
  const exportDate = options.exportDate ?? defaultExportDate();
  const doc = analysis.document;
  const paragraphs = analysis.paragraphs;
  const reserved = new Set<string>(['concord', ...paragraphs.map((p) => p.eId)]);
  const refs = collectReferences(analysis, reserved);
  const authorRef = chooseAuthor(analysis);
  let authorEntry = refs.entries.find((e) => e.cls === 'TLCOrganization' && e.href.endsWith(`/${encodeURIComponent(authorRef)}`));
  const iris = buildFrbrIris(doc, authorRef, exportDate);

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(AKN_NS, 'akomaNtoso');
  root.att('http://www.w3.org/2000/xmlns/', `xmlns:${CONCORD_PREFIX}`, CONCORD_NS);
  const statement = root.ele('statement', { name: 'declaration' });
  const meta = statement.ele('meta');
  const ident = meta.ele('identification', { source: '#concord' });
  const authorHref = authorEntry ? `#${authorEntry.eId}` : `#author-${authorRef}`;
  const work = ident.ele('FRBRWork');
  work.ele('FRBRthis', { value: `${iris.work}/!main` });
  work.ele('FRBRuri', { value: iris.work });
  work.ele('FRBRdate', { date: iris.date, name: iris.dateName });
  work.ele('FRBRauthor', { href: authorHref });
  work.ele('FRBRcountry', { value: 'int' });
  work.ele('FRBRsubtype', { value: 'declaration' });
  if (doc.title) work.ele('FRBRname', { value: doc.title });
  const expr = ident.ele('FRBRExpression');
  expr.ele('FRBRthis', { value: `${iris.expression}/!main` });
  expr.ele('FRBRuri', { value: iris.expression });
  expr.ele('FRBRdate', { date: iris.date, name: iris.dateName });
  expr.ele('FRBRauthor', { href: authorHref });
  expr.ele('FRBRlanguage', { language: iris.language3 });
  const manif = ident.ele('FRBRManifestation');
  manif.ele('FRBRthis', { value: `${iris.expression}/!main.xml` });
  manif.ele('FRBRuri', { value: iris.manifestation });
  manif.ele('FRBRdate', { date: exportDate, name: 'generation' });
  manif.ele('FRBRauthor', { href: '#concord' });
  manif.ele('FRBRformat', { value: 'application/akn+xml' });

  const references = meta.ele('references', { source: '#concord' });
  references.ele('TLCOrganization', { eId: 'concord', href: '/akn/ontology/organizations/concord', showAs: 'Concord' });
  if (!authorEntry) {
    authorEntry = { eId: `author-${authorRef}`, cls: 'TLCOrganization', href: `/akn/ontology/organizations/concord/${encodeURIComponent(authorRef)}`, showAs: authorRef };
    references.ele('TLCOrganization', { eId: authorEntry.eId, href: authorEntry.href, showAs: authorEntry.showAs });
  }
  for (const e of refs.entries) references.ele(e.cls, { eId: e.eId, href: e.href, showAs: e.showAs, ...(e.name ? { name: e.name } : {}) });

  writeProprietary(meta.ele('proprietary', { source: '#concord' }), analysis);

  // Body: preface (leading headings), preamble (up to the first operative paragraph), mainBody.
  let i = 0;
  if (paragraphs.length && paragraphs[0].kind === 'heading') {
    const preface = statement.ele('preface');
    for (; i < paragraphs.length && paragraphs[i].kind === 'heading'; i++) {
      const p = paragraphs[i];
      writeText(preface.ele('container', { eId: p.eId, name: 'heading' }), p, refs, false, (el) => el.ele('p'));
    }
  }
  const firstOperative = paragraphs.findIndex((p, k) => k >= i && p.kind === 'operative');
  if (firstOperative > i) {
    const preamble = statement.ele('preamble');
    const run = paragraphs.slice(i, firstOperative);
    let recitals: XMLBuilder | null = null;
    run.forEach((p, k) => {
      if (p.kind === 'preamble' && !isFormula(p, k, run.length)) {
        recitals ??= preamble.ele('recitals');
        writeText(recitals.ele('recital', { eId: p.eId }), p, refs, true, (el) => el.ele('p'));
        return;
      }
      recitals = null;
      if (p.kind === 'preamble') writeText(preamble.ele('formula', { eId: p.eId, name: 'proclamation' }), p, refs, false, (el) => el.ele('p'));
      else writeText(preamble.ele('container', { eId: p.eId, name: p.kind }), p, refs, false, (el) => el.ele('p'));
    });
    i = firstOperative;
  }
  const body = statement.ele('mainBody');
  if (i >= paragraphs.length) body.ele('p');
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p.kind === 'operative') writeText(body.ele('paragraph', { eId: p.eId }), p, refs, true, (el) => el.ele('content').ele('p'));
    else if (p.kind === 'heading') writeText(body.ele('hcontainer', { eId: p.eId, name: 'heading' }), p, refs, true, (el) => el.ele('heading'));
    else writeText(body.ele('hcontainer', { eId: p.eId, name: p.kind }), p, refs, true, (el) => el.ele('content').ele('p'));
  }
  // No pretty-printing: paragraphs are mixed content and indentation would change their text.
  return root.end({ prettyPrint: false }) + '\n';
}

/** The Concord findings, in the Concord namespace, under meta/proprietary. */
function writeProprietary(proprietary: XMLBuilder, analysis: Analysis): void {
  const root = proprietary.ele(CONCORD_NS, `${CONCORD_PREFIX}:analysis`, { schemaVersion: analysis.schemaVersion });
  writeConcordElement(root, 'document', analysis.document as unknown as Record<string, unknown>);
  for (const p of analysis.paragraphs) {
    const el = writeConcordElement(root, 'paragraph', p as unknown as Record<string, unknown>, ['text', 'subject', 'actions', 'entities', 'proposals']);
    writeConcordElement(el, 'subject', p.subject as unknown as Record<string, unknown>);
    for (const a of p.actions) writeConcordElement(el, 'action', a as unknown as Record<string, unknown>);
    for (const e of p.entities) writeConcordElement(el, 'entity', e as unknown as Record<string, unknown>);
    for (const x of p.proposals) writeConcordElement(el, 'proposal', x as unknown as Record<string, unknown>);
  }
  for (const f of analysis.facts ?? []) writeConcordElement(root, 'fact', f as unknown as Record<string, unknown>);
  for (const m of analysis.messages ?? []) writeConcordElement(root, 'message', m as unknown as Record<string, unknown>);
  // Presence flags, so that "absent" and "empty list" read back the same way.
  if (analysis.facts === undefined) root.att('noFacts', 'true');
  if (analysis.messages === undefined) root.att('noMessages', 'true');
}
