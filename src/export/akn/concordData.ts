import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

/**
 * Encodes Concord's findings (document info, per-paragraph kind, subject, actions,
 * commitments, entities, proposals, topics, facts, messages) as elements of the
 * Concord namespace inside AKN <proprietary>, and decodes them back. Known fields are
 * typed attributes (numbers, booleans, space-separated lists; `nulls` names the fields
 * whose value is null); any other field goes, as JSON, into an `extra` attribute, so an
 * analysis written and read back is identical even when the data model grows.
 * Reads/writes: plain objects; the XML tree is built by the caller.
 */
export const CONCORD_NS = 'urn:concord:ns:analysis:1';
export const CONCORD_PREFIX = 'concord';

const NUMBER_FIELDS = new Set(['n', 'start', 'end', 'commitments', 'paragraphCount', 'length']);
const BOOLEAN_FIELDS = new Set(['commitment', 'negated']);
const LIST_FIELDS = new Set(['states', 'absent', 'members', 'topics']);

type Plain = Record<string, unknown>;

/** Adds one Concord element with `obj`'s scalar fields as attributes; `skip` fields are written by the caller. */
export function writeConcordElement(parent: XMLBuilder, name: string, obj: Plain, skip: string[] = []): XMLBuilder {
  const el = parent.ele(CONCORD_NS, `${CONCORD_PREFIX}:${name}`);
  const nulls: string[] = [];
  const extra: Plain = {};
  for (const [key, value] of Object.entries(obj)) {
    if (skip.includes(key) || value === undefined) continue;
    if (value === null) nulls.push(key);
    else if (LIST_FIELDS.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '' && !/\s/.test(v))) {
      el.att(key, value.join(' '));
    } else if (NUMBER_FIELDS.has(key) && typeof value === 'number') el.att(key, String(value));
    else if (BOOLEAN_FIELDS.has(key) && typeof value === 'boolean') el.att(key, String(value));
    // Strings with tabs or line breaks go to `extra`: XML parsers turn those into spaces in attributes.
    else if (typeof value === 'string' && !/[\t\n\r]/.test(value) && !NUMBER_FIELDS.has(key) && !BOOLEAN_FIELDS.has(key) && !LIST_FIELDS.has(key) && key !== 'nulls' && key !== 'extra' && /^[A-Za-z][A-Za-z0-9]*$/.test(key)) el.att(key, value);
    else extra[key] = value;
  }
  if (nulls.length) el.att('nulls', nulls.join(' '));
  if (Object.keys(extra).length) el.att('extra', JSON.stringify(extra));
  return el;
}

/** The few element features the reader needs (met by src/ingest/akn/readAknBody.ts elements and by DOM elements). */
export interface ElementLike {
  getAttribute(name: string): string | null;
  attributes: ArrayLike<{ name: string; value: string }>;
  children: ArrayLike<ElementLike>;
  tagName: string;
  textContent: string | null;
}

/** Inverse of writeConcordElement. */
export function readConcordElement(el: ElementLike): Plain {
  const out: Plain = {};
  const attrs = Array.from(el.attributes);
  for (const { name, value } of attrs) {
    if (name === 'nulls' || name === 'extra' || name.startsWith('xmlns')) continue;
    if (NUMBER_FIELDS.has(name)) out[name] = Number(value);
    else if (BOOLEAN_FIELDS.has(name)) out[name] = value === 'true';
    else if (LIST_FIELDS.has(name)) out[name] = value === '' ? [] : value.split(' ');
    else out[name] = value;
  }
  const nulls = el.getAttribute('nulls');
  if (nulls) for (const k of nulls.split(' ')) out[k] = null;
  const extra = el.getAttribute('extra');
  if (extra) Object.assign(out, JSON.parse(extra) as Plain);
  return out;
}

/** Child elements of `el` with a given Concord local name, in order. */
export function concordChildren(el: ElementLike, name: string): ElementLike[] {
  return Array.from(el.children).filter((c) => c.tagName === `${CONCORD_PREFIX}:${name}`);
}
