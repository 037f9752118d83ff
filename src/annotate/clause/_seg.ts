import { readFileSync } from 'node:fs';
import { analyzeText } from '../../analyze.js';
for (const f of process.argv.slice(2)) {
  const a = analyzeText(readFileSync(f, 'utf8'), { filename: f });
  const ents = a.paragraphs.reduce((n, p) => n + p.entities.filter((e) => e.type === 'state').length, 0);
  console.log('==', f, a.document.organization, a.document.date, a.document.members, 'states:', ents, 'proposals:', a.paragraphs.reduce((n, p) => n + p.proposals.length, 0));
}
