import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ACTION_CATEGORIES } from '../../types.js';
import { collectFiles, importFiles } from '../../store/importFiles.js';
import { ITEM_TYPES, type DocumentDiff, type SearchResult } from '../../store/index.js';
import { EXIT_OK, EXIT_WARNINGS, UsageError } from '../errors.js';
import { openStoreForCli, withStore } from '../withStore.js';

/**
 * Corpus commands (issue 3): import, track, items, diff, search. All take --db URL
 * (sqlite:PATH or postgres://…; default CONCORD_DB or sqlite:./concord.db). Store errors become
 * one-line usage errors (exit 2); SQL never reaches the user.
 */
export function registerCorpusCommands(program: Command): void {
  program
    .command('import')
    .description('Analyse files and folders of declarations and store them in the corpus')
    .argument('<paths...>', 'files and folders (folders are walked)')
    .option('--db <url>', 'store: sqlite:PATH or postgres://… (default CONCORD_DB or sqlite:./concord.db)')
    .option('--work <id>', 'the work these texts express (e.g. the fr and en texts of one declaration)')
    .option('-l, --lang <lang>', 'language of the texts: auto, fr, en, ru, zh', 'auto')
    .action(async (paths: string[], opts) => {
      const store = await openStoreForCli(opts.db);
      try {
        const { files, problems } = await collectFiles(paths);
        const total = files.reduce((s, f) => s + f.bytes, 0);
        const tty = Boolean(process.stderr.isTTY);
        const bar = tty
          ? new cliProgress.SingleBar({
              format: 'importing {bar} {value}/{total} files | {mb}/{totalMb} MB | {rate} MB/s | ETA {eta_formatted}',
              stream: process.stderr, hideCursor: true, etaBuffer: 50,
            }, cliProgress.Presets.shades_classic)
          : null;
        const t0 = Date.now();
        bar?.start(files.length, 0, { mb: '0.0', totalMb: mb(total), rate: '0.00' });
        const report = await importFiles(store, files, { ...(opts.work ? { workId: String(opts.work) } : {}), ...(opts.lang && opts.lang !== 'auto' ? { lang: String(opts.lang) } : {}) }, (o, done, doneBytes) => {
          const secs = Math.max(0.001, (Date.now() - t0) / 1000);
          if (bar) bar.update(done, { mb: mb(doneBytes), rate: (doneBytes / 1e6 / secs).toFixed(2) });
          else process.stderr.write(`${o.status}\t${o.documentId ?? '-'}\t${o.source}${o.reason ? `\t${o.reason}` : ''}\n`);
        });
        bar?.stop();
        const failed = [...problems, ...report.failed];
        process.stdout.write(
          `imported ${report.imported}, replaced ${report.replaced}, unchanged ${report.unchanged}, failed ${failed.length}` +
            ` (${files.length} files, ${mb(report.bytes)} MB in ${report.seconds.toFixed(1)} s)\n`,
        );
        for (const f of failed) process.stdout.write(`  failed: ${f.source}: ${f.reason}\n`);
        process.exitCode = failed.length ? EXIT_WARNINGS : EXIT_OK;
      } finally {
        await store.close();
      }
    });

  program
    .command('list')
    .description('List the stored documents (id, organisation, date, place, language, paragraphs)')
    .option('--db <url>', 'store URL')
    .option('--org <org>', 'only this organisation (e.g. sco)')
    .option('--year <year>', 'only this year')
    .option('--lang <lang>', 'only this language')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts) => {
      const year = opts.year === undefined ? undefined : positive(opts.year, '--year');
      await withStore(opts.db, async (store) => {
        const docs = await store.listDocuments({ org: opts.org, year, lang: opts.lang });
        if (opts.format === 'json') return void process.stdout.write(JSON.stringify(docs, null, 2) + '\n');
        for (const d of docs) {
          process.stdout.write(`${d.id}\t${d.organization ?? '-'}\t${d.date ?? '-'}\t${d.place ?? '-'}\t${d.language}\t${d.paragraphCount} paragraphs\n`);
        }
        if (docs.length === 0) process.stderr.write('concord: no stored documents (add some with concord import)\n');
      });
    });

  program
    .command('items')
    .description('List canonical items (instruments, initiatives, bodies, events, proposals) across the corpus')
    .option('--db <url>', 'store URL')
    .option('--type <type>', `one of ${ITEM_TYPES.join(', ')}`)
    .option('--org <org>', 'only items mentioned by this organisation (e.g. sco)')
    .option('-q, --query <words>', 'only items whose name holds these words (any language)')
    .option('--limit <n>', 'at most this many', '50')
    .option('--format <format>', 'text or json', 'text')
    .action(async (opts) => {
      if (opts.type && !ITEM_TYPES.includes(opts.type)) throw new UsageError(`unknown item type "${opts.type}"`, `use one of ${ITEM_TYPES.join(', ')}`);
      await withStore(opts.db, async (store) => {
        const items = await store.listItems({ type: opts.type, org: opts.org, q: opts.query, limit: positive(opts.limit, '--limit') });
        if (opts.format === 'json') return void process.stdout.write(JSON.stringify(items, null, 2) + '\n');
        for (const i of items) process.stdout.write(`${i.id}\t${i.type}\t${i.documentCount} docs\t${i.mentionCount} mentions\t${i.name}\n`);
        if (items.length === 0) process.stderr.write('concord: no items\n');
      });
    });

  program
    .command('track')
    .description("Timeline of an item: each declaration that mentions it, the stance, the paragraph and the words")
    .argument('<item>', 'an item id (see concord items) or words of its name in any language')
    .option('--db <url>', 'store URL')
    .option('--format <format>', 'text or json', 'text')
    .action(async (item: string, opts) => {
      await withStore(opts.db, async (store) => {
        const t = await store.getItemTimeline(item);
        if (!t) throw new UsageError(`no item matches "${item.slice(0, 80)}"`, 'list items with concord items');
        if (opts.format === 'json') return void process.stdout.write(JSON.stringify(t, null, 2) + '\n');
        const names = new Map(t.matched.map((i) => [i.id, i.name]));
        process.stdout.write(`${t.item.name} (${t.item.type}, ${t.item.id})${t.matched.length > 1 ? ` and ${t.matched.length - 1} related item(s)` : ''}\n`);
        for (const e of t.entries) {
          const who = e.proposer ? ` proposed by ${e.proposer}` : '';
          process.stdout.write(`${e.date ?? '????-??-??'}  ${e.documentId}  ${e.eId}  ${e.stance.padEnd(9)}  ${e.words}${who}${e.actionWords ? `  [${e.actionWords}]` : ''}${t.matched.length > 1 ? `  {${names.get(e.itemId) ?? e.itemId}}` : ''}\n`);
        }
      });
    });

  program
    .command('diff')
    .description('Aligned paragraphs of two stored declarations: added, dropped, changed, with stance and commitment changes')
    .argument('<docA>', 'document id')
    .argument('<docB>', 'document id')
    .option('--db <url>', 'store URL')
    .option('--format <format>', 'text or json', 'text')
    .option('--all', 'also list unchanged paragraphs')
    .action(async (a: string, b: string, opts) => {
      await withStore(opts.db, async (store) => {
        const d = await store.diff(a, b);
        if (opts.format === 'json') return void process.stdout.write(JSON.stringify(d, null, 2) + '\n');
        process.stdout.write(renderDiff(d, Boolean(opts.all)));
      });
    });

  program
    .command('search')
    .description('Full-text search over stored paragraphs (stemmed, accent-folded; "quotes" for phrases)')
    .argument('<query>', 'words to find')
    .option('--db <url>', 'store URL')
    .option('--org <org>', 'organisation id (e.g. sco)')
    .option('--year <year>', 'year of the declaration')
    .option('--lang <lang>', 'paragraph language (also picks the stemmer for the query)')
    .option('--topic <topic>', 'topic id (spec/topics.json)')
    .option('--action <category>', `action category: ${ACTION_CATEGORIES.join(', ')}`)
    .option('--commitment', 'only paragraphs that carry a commitment')
    .option('--state <code>', 'ISO alpha-2 of a state named in the paragraph')
    .option('--limit <n>', 'at most this many hits', '10')
    .option('--format <format>', 'text or json (json adds facets with counts)', 'text')
    .action(async (query: string, opts) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year > 0 && year < 10000)) throw new UsageError(`bad --year "${opts.year}"`, 'give a year such as 2024');
      await withStore(opts.db, async (store) => {
        const r = await store.search({
          q: query, org: opts.org, year, lang: opts.lang, topic: opts.topic, action: opts.action, state: opts.state ? String(opts.state).toUpperCase() : undefined,
          ...(opts.commitment ? { commitment: true } : {}), limit: positive(opts.limit, '--limit'), facets: opts.format === 'json',
        });
        if (opts.format === 'json') return void process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        process.stdout.write(renderSearch(r, Boolean(process.stdout.isTTY)));
      });
    });
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 10e6 ? 2 : 1);
}

function positive(v: unknown, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`bad ${name} "${String(v)}"`, 'give a positive whole number');
  return n;
}



/** Search hits as text; matched words in bold on a terminal, in [brackets] otherwise. */
export function renderSearch(r: SearchResult, tty: boolean): string {
  const [on, off] = tty ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  let out = `${r.total} paragraph(s) match\n`;
  for (const h of r.hits) {
    let s = '';
    let at = 0;
    for (const x of h.snippetHighlights) {
      s += h.snippet.slice(at, x.start) + on + h.snippet.slice(x.start, x.end) + off;
      at = x.end;
    }
    s += h.snippet.slice(at);
    // Control characters from stored text never reach the terminal raw.
    s = s.replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f]/g, ' ');
    out += `\n${h.documentId} ${h.eId} (${h.language}${h.date ? `, ${h.date}` : ''}) score ${h.score}\n  ${s}\n`;
  }
  return out;
}

/** A diff as text: one block per non-identical aligned pair. */
export function renderDiff(d: DocumentDiff, all: boolean): string {
  let out = `${d.a.id} (${d.a.language}) → ${d.b.id} (${d.b.language})${d.sameWork ? ', same work' : ''}\n`;
  out += `same ${d.counts.same}, changed ${d.counts.changed}, added ${d.counts.added}, dropped ${d.counts.dropped}\n`;
  const cut = (s: string | null) => (s === null ? '' : s.length > 160 ? s.slice(0, 157) + '…' : s);
  for (const p of d.paragraphs) {
    if (p.change === 'same' && !all) continue;
    const mark = { same: '=', changed: '~', added: '+', dropped: '-' }[p.change];
    out += `\n${mark} ${p.eIdA ?? '—'} → ${p.eIdB ?? '—'}${p.method ? ` (${p.method}, ${p.similarity})` : ''}\n`;
    if (p.textA !== null) out += `  A: ${cut(p.textA)}\n`;
    if (p.textB !== null) out += `  B: ${cut(p.textB)}\n`;
    if (p.commitmentA !== null && p.commitmentB !== null && p.commitmentA !== p.commitmentB) out += `  commitment: ${p.commitmentA} → ${p.commitmentB}\n`;
    if (p.actionsA.join() !== p.actionsB.join() && p.textA !== null && p.textB !== null) out += `  actions: ${p.actionsA.join(', ') || '—'} → ${p.actionsB.join(', ') || '—'}\n`;
    if (p.change === 'changed') for (const i of p.items) if (i.stanceA !== i.stanceB) out += `  ${i.type} ${i.name}: ${i.stanceA ?? 'absent'} → ${i.stanceB ?? 'absent'}\n`;
  }
  return out;
}
