import { ACTION_CATEGORIES } from '../../types.js';
import { loadVerbLexicon } from './lexicons.js';

/**
 * The documentation table of operative verbs per category, generated from the lexicon
 * (data is the single source: the table is never edited by hand). Reads
 * lexicons/<lang>/verbs.yaml; returns Markdown. Run:
 * `npx tsx src/annotate/clause/renderVerbTable.ts fr en ru zh > docs-table.md`.
 */
export function renderVerbTable(langs: string[]): string {
  const lexicons = langs.map((l) => [l, loadVerbLexicon(l)] as const).filter(([, x]) => x);
  const head = `| category | ${lexicons.map(([l]) => l).join(' | ')} |\n|---|${lexicons.map(() => '---|').join('')}`;
  const rows = ACTION_CATEGORIES.map((cat) => {
    const cells = lexicons.map(([, lex]) => {
      const forms = new Set<string>();
      for (const e of lex!.entries) if (e.category === cat) for (const f of [...(e.finite ?? []), ...(e.base ?? [])].slice(0, 3)) forms.add(f);
      for (const p of lex!.patterns ?? []) if (p.category === cat) forms.add(`(${p.id})`);
      for (const n of lex!.lightNouns ?? []) if (n.category === cat || n.withVerbCategory === cat) forms.add(`… ${n.nouns[0]}`);
      return [...forms].join(', ').replace(/\|/g, '\\|');
    });
    return `| ${cat} | ${cells.join(' | ')} |`;
  });
  return `${head}\n${rows.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(renderVerbTable(process.argv.slice(2).length ? process.argv.slice(2) : ['fr', 'en', 'ru', 'zh']));
}
