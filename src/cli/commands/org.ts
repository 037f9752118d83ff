import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { computeOrgState, defaultOrgRegistry, loadOrgDocuments, orgDocumentFromAnalysis, renderOrgText, type OrgDocument } from '../../org/index.js';
import type { Analysis } from '../../types.js';
import { EXIT_OK, UsageError } from '../errors.js';

/** Largest analysis JSON file read by --analysis (bytes). */
const MAX_ANALYSIS_BYTES = 50 * 1024 * 1024;
const ORG_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `concord org <id> [--on DATE] [--db URL] [--analysis FILE…] [--format text|json]`: the
 * organisation on a date from the reference data plus the facts of its declarations in the
 * store (when --db is given, CONCORD_DB is set, or ./concord.db exists) and in analysis files.
 */
export function registerOrg(program: Command): void {
  program
    .command('org')
    .description('Show an organisation on a date: members, chair, bodies, instruments, proposals, designations, summits')
    .argument('<id>', 'organisation id (sco, brics, g20, …)')
    .option('--on <date>', 'the date (YYYY-MM-DD); default today')
    .option('--db <url>', 'store URL (sqlite:PATH or postgres://…); default CONCORD_DB, else ./concord.db when it exists')
    .option('--analysis <files...>', 'analysis JSON files (concord analyze output) to read besides the store')
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (id: string, opts: { on?: string; db?: string; analysis?: string[]; format: string }) => {
      if (!ORG_ID.test(id)) throw new UsageError(`"${id}" is not an organisation id`, 'use lower-case letters, digits and hyphens (e.g. sco)');
      const on = opts.on ?? new Date().toISOString().slice(0, 10);
      if (!ISO_DATE.test(on) || Number.isNaN(Date.parse(on))) throw new UsageError(`"${on}" is not a date`, 'use YYYY-MM-DD');
      if (opts.format !== 'text' && opts.format !== 'json') throw new UsageError(`unknown format "${opts.format}"`, 'use text or json');
      const registry = defaultOrgRegistry();
      const documents: OrgDocument[] = [];
      for (const file of opts.analysis ?? []) documents.push(readAnalysisFile(file));
      const url = opts.db ?? process.env.CONCORD_DB ?? (existsSync('concord.db') ? 'sqlite:./concord.db' : undefined);
      if (url) {
        const { openStore } = await import('../../store/index.js');
        let store;
        try {
          store = await openStore(url);
        } catch (err) {
          throw new UsageError(`cannot open the store: ${(err as Error).message}`, 'check --db or CONCORD_DB');
        }
        try {
          const { documents: stored, skipped } = await loadOrgDocuments(store, id);
          documents.push(...stored);
          for (const s of skipped) process.stderr.write(`concord: warning: no stored analysis for ${s}; skipped\n`);
        } finally {
          await store.close();
        }
      }
      if (!registry.get(id) && !documents.some((d) => d.organization === id)) {
        throw new UsageError(`unknown organisation "${id}"`, 'it is neither in data/organizations.yaml nor in any declaration read');
      }
      const state = computeOrgState(id, on, documents, registry);
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify(state, null, 2)}\n` : renderOrgText(state));
      process.exitCode = EXIT_OK;
    });
}

function readAnalysisFile(file: string): OrgDocument {
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  if (statSync(file).size > MAX_ANALYSIS_BYTES) throw new UsageError(`${file} is larger than ${MAX_ANALYSIS_BYTES} bytes`);
  let analysis: Analysis;
  try {
    analysis = JSON.parse(readFileSync(file, 'utf8')) as Analysis;
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  if (!analysis || typeof analysis !== 'object' || !analysis.document || !Array.isArray(analysis.paragraphs)) {
    throw new UsageError(`${file} is not a concord analysis (no document or paragraphs)`);
  }
  return orgDocumentFromAnalysis(analysis);
}
