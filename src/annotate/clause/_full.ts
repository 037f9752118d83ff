import { analyzeText } from '../../analyze.js';
const a = analyzeText(process.argv.slice(2).join('\n'), { filename: 'x.txt' });
for (const p of a.paragraphs) console.log(p.n, p.kind, p.subject.scope, JSON.stringify(p.subject.text), p.subject.states, p.actions.map((x) => `${x.category}:${x.text}`).join(' | '), 'C', p.commitments, p.proposals.map((x) => `${x.proposer}/${x.stance}:${x.text}`));
