import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { FORMATTERS } from '../../export/index.js';
import type { DocumentFilter, Store } from '../../store/index.js';
import type { Analysis } from '../../types.js';
import { UsageError } from '../errors.js';
import { withStore } from '../withStore.js';
import { writeRenderedOutput } from '../writeOutput.js';

/**
 * `concord export DOC --format F` writes one stored document in any output format;
 * `concord export --all --format F` writes the whole corpus (or a filtered part):
 * jsonl as one stream (a line per document), csv as four tables over all documents,
 * the other formats as one file per document in the --out folder.
 * Reads: the store. Writes: standard output or files under --out.
 */
const PAGE = 200;
const EXTENSIONS: Record<string, string> = { akn: '.akn.xml', json: '.json', summary: '.txt', jsonl: '.jsonl' };

/** A document id as a safe file name (ids come from the store, but never trust a path). */
export function fileNameFor(id: string, format: string): string {
  const base = id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 150) || 'document';
  return base + (EXTENSIONS[format] ?? `.${format}`);
}


/** Every stored analysis matching the filter, a page of documents at a time. */
async function* eachAnalysis(store: Store, filter: DocumentFilter): AsyncGenerator<Analysis> {
  for (let offset = 0; ; offset += PAGE) {
    const docs = await store.listDocuments({ ...filter, limit: PAGE, offset });
    for (const d of docs) {
      const a = await store.getAnalysis(d.id);
      if (a) yield a;
    }
    if (docs.length < PAGE) return;
  }
}

/** Writes text to a file descriptor (stdout is 1) without holding the corpus in memory; a closed pipe (… | head) ends quietly. */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      if (code === 'EPIPE' && fd === 1) process.exit(0);
      throw e;
    }
  }
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export stored documents: Akoma Ntoso, CSV tables, JSON Lines, JSON or summaries')
    .argument('[doc]', 'id of a stored document (see concord list)')
    .option('-f, --format <format>', `output format: ${Object.keys(FORMATTERS).join(', ')}`, 'json')
    .option('--all', 'export every stored document (filtered by --org, --year, --lang)')
    .option('--db <url>', 'store: sqlite:PATH or postgres://… (default CONCORD_DB or sqlite:./concord.db)')
    .option('--org <org>', 'with --all: only this organisation (e.g. sco)')
    .option('--year <year>', 'with --all: only this year')
    .option('-l, --lang <lang>', 'with --all: only this language')
    .option('-o, --out <path>', 'file (jsonl, json, summary, akn of one document) or folder (csv, and --all for akn, json, summary)')
    .action(async (doc: string | undefined, opts) => {
      const format: string = opts.format;
      const formatter = FORMATTERS[format];
      if (!formatter) throw new UsageError(`unknown format "${format}"`, `use one of ${Object.keys(FORMATTERS).join(', ')}`);
      if (!doc && !opts.all) throw new UsageError('nothing to export', 'give a document id, or --all');
      if (doc && opts.all) throw new UsageError('give a document id or --all, not both');
      let year: number | undefined;
      if (opts.year !== undefined) {
        year = Number(opts.year);
        if (!Number.isInteger(year)) throw new UsageError(`bad year "${String(opts.year)}"`, 'give a year such as 2024');
      }
      const filter: DocumentFilter = { org: opts.org, year, lang: opts.lang };
      await withStore(opts.db, async (store) => {
        if (doc) {
          const analysis = await store.getAnalysis(doc);
          if (!analysis) throw new UsageError(`no stored document "${doc}"`, 'see concord list for the stored ids');
          writeRenderedOutput(formatter(analysis), opts.out);
          return;
        }
        let count = 0;
        if (format === 'jsonl') {
          const fd = opts.out ? openSync(opts.out, 'w') : 1;
          try {
            for await (const a of eachAnalysis(store, filter)) {
              const out = formatter(a);
              if (out.kind === 'text') writeAll(fd, out.text);
              count++;
            }
          } finally {
            if (fd !== 1) closeSync(fd);
          }
        } else {
          const dir = opts.out ?? '.';
          mkdirSync(dir, { recursive: true });
          const fds = new Map<string, number>();
          try {
            for await (const a of eachAnalysis(store, filter)) {
              const out = formatter(a);
              if (out.kind === 'text') {
                writeFileSync(join(dir, fileNameFor(a.document.id, format)), out.text);
              } else {
                // Multi-file formats (csv): one set of tables for the corpus, header written once.
                for (const [name, content] of Object.entries(out.files)) {
                  let fd = fds.get(name);
                  let body = content;
                  if (fd === undefined) {
                    fd = openSync(join(dir, name), 'w');
                    fds.set(name, fd);
                  } else {
                    const eol = content.indexOf('\r\n');
                    body = eol >= 0 ? content.slice(eol + 2) : '';
                  }
                  writeAll(fd, body);
                }
              }
              count++;
            }
          } finally {
            for (const fd of fds.values()) closeSync(fd);
          }
          process.stderr.write(`concord: exported ${count} document(s) as ${format} to ${dir}\n`);
          return;
        }
        process.stderr.write(`concord: exported ${count} document(s) as ${format}\n`);
      });
    });
}
