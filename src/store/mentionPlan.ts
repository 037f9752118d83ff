import type { ItemMention } from '../link/extractItems.js';
import type { ParagraphRows } from './rows.js';

/**
 * Which canonical item each mention of a document belongs to, and which items and (key, item)
 * pairs are new: the one rule both writers follow (the portable Kysely path in kyselyStore.ts and
 * the SQLite fast path in sqlite/rowWriter.ts), so that both back ends hold the same items.
 * A mention goes to its reference id, else to the item its name key already names (`known`, or a
 * key registered earlier in this document), else to a new name-only item. Pure: the callers read
 * `known` (key → item, the smallest item id of a key) and `existing` (those of the reference ids
 * and known items that are stored) from their database first, then write what this returns.
 */
export interface NewItem { id: string; type: string; name: string; ref: string | null }
export interface ItemKey { key: string; item_id: string }
export interface PlannedMention { itemId: string; m: ItemMention; r: ParagraphRows; paragraphId: number }

export function planMentions(
  rows: ParagraphRows[],
  paragraphIds: number[],
  known: ReadonlyMap<string, string>,
  existing: ReadonlySet<string>,
): { items: NewItem[]; keys: ItemKey[]; mentions: PlannedMention[] } {
  const newItems = new Map<string, NewItem>();
  const newKeys = new Map<string, ItemKey>();
  const mentions: PlannedMention[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (const m of r.mentions) {
      let itemId = m.ref ?? (m.key ? known.get(m.key) ?? newKeys.get(m.key)?.item_id : undefined);
      if (!itemId) itemId = `${m.type}:${m.key.replace(/ /g, '-')}`.slice(0, 200);
      if (!existing.has(itemId) && !newItems.has(itemId)) newItems.set(itemId, { id: itemId, type: m.type, name: m.text.slice(0, 200), ref: m.ref });
      // Register (key, item): a referenced item also answers to its name words.
      if (m.key && known.get(m.key) !== itemId && !newKeys.has(m.key + '\u0000' + itemId)) {
        newKeys.set(m.key + '\u0000' + itemId, { key: m.key, item_id: itemId });
        if (!newKeys.has(m.key)) newKeys.set(m.key, { key: m.key, item_id: itemId });
      }
      mentions.push({ itemId, m, r, paragraphId: paragraphIds[i]! });
    }
  }
  // newKeys holds each pair twice (under the key alone for the look-up above): one row per pair
  const keys = [...new Map([...newKeys.values()].map((k) => [k.key + '\u0000' + k.item_id, k])).values()];
  return { items: [...newItems.values()], keys, mentions };
}
