import { runClauseStages } from './testSupport.js';
const lang = process.argv[2]!;
const ps = runClauseStages(process.argv.slice(3), lang);
for (const p of ps) console.log(p.kind, p.subject.scope, JSON.stringify(p.subject.text), p.actions.map((a) => `${a.category}:${a.text}${a.negated ? '(neg)' : ''}`).join(' | '), 'C', p.commitments);
