import type Database from 'better-sqlite3';
import { planMentions } from '../mentionPlan.js';
import type { ParagraphRows } from '../rows.js';

/**
 * The SQLite fast path for a document's many rows (paragraphs, full-text rows, tags, findings,
 * items, item keys, mentions): statements prepared once per connection and run row by row
 * inside the caller's transaction. Through Kysely each multi-row insert was compiled to SQL and
 * prepared again for every batch (a batch of a new size is a new statement), which cost more
 * than SQLite's own work. The rows, their order and so their ids are the same as the portable
 * Kysely path in kyselyStore.ts writes (the PostgreSQL path), so both back ends hold the same data.
 *
 * Only call it inside a transaction the store holds (KyselyStore.importPrepared): better-sqlite3
 * is synchronous and this writes on the connection Kysely has reserved for that transaction.
 */
export const TAG_SEP = '\u001f';

export class SqliteRowWriter {
  private readonly insParagraph: Database.Statement;
  private readonly insFts: Database.Statement;
  private readonly insTag: Database.Statement;
  private readonly insFinding: Database.Statement;
  private readonly keyItem: Database.Statement;
  private readonly itemExists: Database.Statement;
  private readonly insItem: Database.Statement;
  private readonly insKey: Database.Statement;
  private readonly insMention: Database.Statement;

  constructor(db: Database.Database) {
    this.insParagraph = db.prepare('INSERT INTO paragraphs (document_id, n, e_id, kind, num, language, organization, year, commitment, text, terms, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.insFts = db.prepare('INSERT INTO paragraph_fts (rowid, terms) VALUES (?, ?)');
    this.insTag = db.prepare('INSERT INTO paragraph_tags (paragraph_id, document_id, facet, value) VALUES (?, ?, ?, ?)');
    this.insFinding = db.prepare('INSERT INTO findings (paragraph_id, document_id, e_id, kind, type, text, start, "end", ref, value, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    // A key may name several items (a reference id and a name-only item); the smallest id wins, as in the Kysely path.
    this.keyItem = db.prepare('SELECT item_id FROM item_keys WHERE key = ? ORDER BY item_id LIMIT 1').pluck();
    this.itemExists = db.prepare('SELECT 1 FROM items WHERE id = ?').pluck();
    this.insItem = db.prepare('INSERT INTO items (id, type, name, ref) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
    this.insKey = db.prepare('INSERT INTO item_keys (key, item_id) VALUES (?, ?) ON CONFLICT (key, item_id) DO NOTHING');
    this.insMention = db.prepare('INSERT INTO mentions (item_id, document_id, paragraph_id, e_id, language, stance, words, action_words, proposer, start, "end", rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /** Writes every row of one document's paragraphs; returns the paragraph ids in order. */
  writeParagraphs(documentId: string, organization: string | null, year: number | null, rows: ParagraphRows[]): number[] {
    const ids: number[] = [];
    for (const r of rows) {
      const tags = r.tags.map((t) => `${t.facet}:${t.value}`).join(TAG_SEP);
      const info = this.insParagraph.run(documentId, r.n, r.eId, r.kind, r.num, r.language, organization, year, r.commitment, r.text, r.terms, tags);
      ids.push(Number(info.lastInsertRowid));
    }
    for (let i = 0; i < rows.length; i++) this.insFts.run(ids[i]!, rows[i]!.terms);
    for (let i = 0; i < rows.length; i++) for (const t of rows[i]!.tags) this.insTag.run(ids[i]!, documentId, t.facet, t.value);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      for (const f of r.findings) this.insFinding.run(ids[i]!, documentId, r.eId, f.kind, f.type, f.text, f.start, f.end, f.ref, f.value, f.rule);
    }
    this.writeMentions(documentId, rows, ids);
    return ids;
  }

  /** Resolves each mention to a canonical item (reference id, else name key) and stores it: the rule of mentionPlan.ts, as KyselyStore.writeMentions. */
  private writeMentions(documentId: string, rows: ParagraphRows[], ids: number[]): void {
    const known = new Map<string, string>();
    const stored = new Set<string>(); // of the reference ids and known items, those in the database
    const checked = new Set<string>();
    const check = (id: string): void => {
      if (checked.has(id)) return;
      checked.add(id);
      if (this.itemExists.get(id) !== undefined) stored.add(id);
    };
    // Look-ups first, as the Kysely path reads every key and item before it writes any.
    for (const r of rows) {
      for (const m of r.mentions) {
        if (m.key && !known.has(m.key)) {
          const it = this.keyItem.get(m.key) as string | undefined;
          if (it !== undefined) known.set(m.key, it);
        }
      }
    }
    for (const r of rows) for (const m of r.mentions) if (m.ref) check(m.ref);
    for (const it of known.values()) check(it);
    const plan = planMentions(rows, ids, known, stored);
    for (const it of plan.items) this.insItem.run(it.id, it.type, it.name, it.ref ?? null);
    for (const k of plan.keys) this.insKey.run(k.key, k.item_id);
    for (const { itemId, m, r, paragraphId } of plan.mentions) {
      this.insMention.run(itemId, documentId, paragraphId, r.eId, r.language, m.stance, m.text, m.actionWords ?? null, m.proposer ?? null, m.start, m.end, m.rule ?? null);
    }
  }
}
