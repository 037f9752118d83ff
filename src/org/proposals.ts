import { PROPOSAL_STAGES } from '../facts/proposals.js';
import { foldLoose } from '../text/fold.js';
import type { InstitutionalFact } from '../types.js';
import type { OrgDocument, ProposalEntry, Support } from './types.js';

/**
 * Follows proposals across declarations. Two proposal facts are the same proposal when they
 * have the same proposer and share a reference id (the body or instrument they name), or,
 * without ids, when most of the shorter one's content words are in the other (overlap
 * coefficient ≥ 0.6 on folded words of four letters or more, at least two shared). The stage is the furthest reached; a body later reported created, or
 * an instrument later adopted, under one of the proposal's ids makes it `implemented`.
 * Reads documents oldest first; writes ProposalEntry objects.
 */
export function linkProposals(docs: OrgDocument[], supportOf: (d: OrgDocument, f: InstitutionalFact) => Support): ProposalEntry[] {
  const entries: (ProposalEntry & { words: Set<string> })[] = [];
  for (const d of docs) {
    for (const f of d.facts) {
      if (f.kind !== 'proposal') continue;
      const proposer = String(f.proposer ?? '');
      const refs = Array.isArray(f.refs) ? (f.refs as string[]) : [];
      const words = contentWords(String(f.proposal ?? f.text));
      const same = entries.find((e) => e.proposer === proposer && (refs.some((r) => e.refs.includes(r)) || overlap(words, e.words) >= 0.6));
      const stage = String(f.stage ?? 'proposed');
      const hist = { docId: d.id, date: d.date, eId: f.eId, stance: String(f.stance ?? ''), stage };
      if (same) {
        same.history.push(hist);
        same.support.push(supportOf(d, f));
        same.stage = later(same.stage, stage);
        same.latestStance = hist.stance;
        for (const r of refs) if (!same.refs.includes(r)) same.refs.push(r);
      } else {
        entries.push({
          key: `${proposer}:${refs[0] ?? [...words].slice(0, 4).join('-')}`,
          proposer, text: String(f.proposal ?? f.text), stage, latestStance: hist.stance, refs: [...refs],
          history: [hist], support: [supportOf(d, f)], words,
        });
      }
    }
  }
  // A later declaration reporting the body created or the instrument adopted implements it.
  for (const e of entries) {
    const first = e.history[0]?.date ?? '';
    for (const d of docs) {
      if ((d.date ?? '') <= first) continue;
      for (const f of d.facts) {
        const done = (f.kind === 'body' && f.status === 'created') || (f.kind === 'instrument' && (f.status === 'adopted' || f.status === 'approved' || f.status === 'signed'));
        if (done && typeof f.ref === 'string' && e.refs.includes(f.ref)) {
          e.stage = 'implemented';
          e.history.push({ docId: d.id, date: d.date, eId: f.eId, stance: String(f.status), stage: 'implemented' });
          e.support.push(supportOf(d, f));
        }
      }
    }
  }
  return entries.map(({ words: _w, ...rest }) => rest);
}

function later(a: string, b: string): string {
  const ia = PROPOSAL_STAGES.indexOf(a as never);
  const ib = PROPOSAL_STAGES.indexOf(b as never);
  return ib > ia ? b : a;
}

function contentWords(s: string): Set<string> {
  return new Set(foldLoose(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4));
}

/** Shared words over the size of the smaller set (0 when fewer than two are shared). */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter < 2 ? 0 : inter / Math.min(a.size, b.size);
}
