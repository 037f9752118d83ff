import type { InstitutionalFact } from '../types.js';
import { cuesIn, entitiesIn, makeFact, sentencesWith, type ParagraphFacts } from './context.js';

/**
 * Admissions and changes of status. Reads: membershipChange cues (admission, accession,
 * granting a status, "as a … member"), membershipStatus words, state entities and full
 * dates in the same sentence. Writes one fact per state: kind `admission` when the status
 * is member, `status-change` otherwise ({org, state, status, date, stage}).
 * The status of a state is the nearest status word after it in the sentence (else the
 * nearest before), so "X as a member, as well as Y and Z as partner countries" gives each
 * state its own status.
 */
export function extractMembership(pf: ParagraphFacts): InstitutionalFact[] {
  const facts: InstitutionalFact[] = [];
  for (const sentence of sentencesWith(pf, ['membershipChange'])) {
    const changes = cuesIn(pf, 'membershipChange', sentence);
    const states = entitiesIn(pf, sentence, ['state']).filter((e) => e.ref);
    if (!states.length) continue;
    const statuses = cuesIn(pf, 'membershipStatus', sentence);
    if (!statuses.length) continue;
    const stage = changes.some((c) => c.value === 'in-progress') ? 'in-progress' : 'completed';
    const fullDate = entitiesIn(pf, sentence, ['date']).find((d) => d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value));
    const seen = new Set<string>();
    for (const st of states) {
      // The state must be governed by a change cue: the cue stands before it, or right after it ("X joined").
      // "accorder au Laos le statut de …": the state may sit inside the cue's own words.
      const cue = [...changes].reverse().find((c) => c.start <= st.start) ?? changes.find((c) => c.start >= st.end && c.start - st.end < 40);
      if (!cue) continue;
      const after = statuses.find((s) => s.start >= st.end);
      const before = [...statuses].reverse().find((s) => s.end <= st.start && s.start >= cue.start);
      const status = after ?? before;
      if (!status || !status.value) continue;
      const key = `${st.ref}|${status.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const kind = status.value === 'member' ? 'admission' : 'status-change';
      facts.push(makeFact(pf, kind, cue.id, [cue, st, status], {
        org: pf.org,
        state: st.ref,
        stateText: st.text,
        status: status.value,
        statusRule: status.id,
        date: fullDate?.value ?? pf.docDate,
        dateSource: fullDate ? 'text' : 'document',
        stage,
      }));
    }
  }
  return facts;
}
