import type { Entity } from '../../types.js';

/** Date mentions (with ISO 8601 `value`) in one paragraph's text. (Stub: to be implemented.) */
export function findDates(text: string, lang: string): Entity[] {
  void text;
  void lang;
  return [];
}
