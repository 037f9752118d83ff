import { readFileSync } from 'node:fs';
import { analyzeText } from '../src/analyze.js';
import { annotateEntities } from '../src/annotate/entities/index.js';
import { findGazetteerEntities } from '../src/annotate/entities/gazetteer.js';
import { findNamedEntities } from '../src/annotate/entities/named.js';
import { findDates } from '../src/annotate/entities/dates.js';
const text = readFileSync('/work/main/examples/sco-2024-astana.fr.txt', 'utf8');
let t = performance.now(); analyzeText(text, { lang: 'fr', facts: false }); console.log('first run (builds indexes)', (performance.now() - t).toFixed(0), 'ms');
const paras = text.split('\n').filter(Boolean);
for (const [name, fn] of [['gazetteer', (p: string) => findGazetteerEntities(p, 'fr', 'sco')], ['named', (p: string) => findNamedEntities(p, 'fr')], ['dates', (p: string) => findDates(p, 'fr')]] as const) {
  t = performance.now(); for (let k = 0; k < 5; k++) for (const p of paras) fn(p); const ms = performance.now() - t;
  console.log(name, ((text.length * 5) / 1e6 / (ms / 1000)).toFixed(2), 'MB/s');
}
t = performance.now(); for (let k = 0; k < 3; k++) analyzeText(text, { lang: 'fr', facts: false }); const ms = performance.now() - t;
console.log('whole pipeline', ((text.length * 3) / 1e6 / (ms / 1000)).toFixed(2), 'MB/s');
