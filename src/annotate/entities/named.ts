import type { Entity } from '../../types.js';

/** Instrument, event, initiative and person mentions in one paragraph's text. (Stub: to be implemented.) */
export function findNamedEntities(text: string, lang: string): Entity[] {
  void text;
  void lang;
  return [];
}
