import type { Action, Paragraph } from '../../types.js';
import type { ClauseReading } from './analyzeParagraph.js';
import type { SubjectCandidate } from './findSubjects.js';
import type { SubjectLexicon, VerbLexicon } from './lexicons.js';
import { splitSentences } from './tokens.js';

/**
 * Clause reading for Chinese, where words are not separated: lexicon forms are matched as
 * character strings (longest first) and kept when they stand in predicate position, that
 * is right after the subject "我们" (with adverbs such as 也, 还, 一致), at the start of a
 * clause (after ，、；) or after a coordinator (并, 并将). A form right after 的 or 与 is a
 * noun ("…的支持", "关注与支持"), not a verb. Reads the lexicons; writes nothing.
 */
const CLAUSE_START = /[，,、；;：:]\s*$/u;

export function readChineseClauses(p: Paragraph, verbs: VerbLexicon, subjects: SubjectLexicon): ClauseReading {
  const text = p.text;
  const sentences = splitSentences(text);
  const forms: { s: string; rule: string; category: Action['category']; participle: boolean }[] = [];
  for (const e of verbs.entries) {
    for (const s of e.finite ?? []) forms.push({ s, rule: e.id, category: e.category, participle: false });
    for (const s of e.participle ?? []) forms.push({ s, rule: e.id, category: e.category, participle: true });
  }
  forms.sort((a, b) => b.s.length - a.s.length);
  const adverbs = [...verbs.adverbs].sort((a, b) => b.length - a.length);
  const coordinators = verbs.coordinators;
  const firstPerson = subjects.firstPerson;
  const memberWords = subjects.members.flatMap((g) => g.forms);
  const subjectWords = [...firstPerson, ...memberWords, ...subjects.anaphora].sort((a, b) => b.length - a.length);
  const numPrefix = /^\s*\d+[.．、]\s*/u.exec(text)?.[0].length ?? 0;

  const actions: Action[] = [];
  let i = 0;
  while (i < text.length) {
    const f = forms.find((x) => text.startsWith(x.s, i));
    if (!f) { i++; continue; }
    // A short window is enough to see the subject, an adverb or a clause break before the verb.
    let before = text.slice(Math.max(0, i - 24), i);
    for (let guard = 0; guard < 3; guard++) {
      const adv = adverbs.find((a) => before.endsWith(a));
      if (!adv) break;
      before = before.slice(0, before.length - adv.length);
    }
    const ok = i === numPrefix || i === 0 || CLAUSE_START.test(before) || /[。.]\s*$/u.test(before)
      || subjectWords.some((w) => before.endsWith(w)) || coordinators.some((w) => before.endsWith(w));
    const noun = i > 0 && /[的与和及]/u.test(text[i - 1]!);
    if (ok && !noun) {
      actions.push({ category: f.category, text: f.s, start: i, end: i + f.s.length, rule: `actions/lexicon:${f.rule}`, form: f.participle ? 'participle' : 'finite' });
    }
    i += f.s.length;
  }

  let subject: SubjectCandidate | null = null;
  const firstAt = actions[0]?.start ?? text.length;
  // The members as a body ("成员国") when no "我们" precedes the first action.
  const memberAt = memberWords.map((w) => ({ w, k: text.indexOf(w) })).filter(({ k }) => k >= 0 && k < firstAt).sort((a, b) => a.k - b.k)[0];
  const weAt = firstPerson.map((w) => text.indexOf(w)).filter((k) => k >= 0 && k < firstAt);
  if (memberAt && weAt.length === 0) {
    subject = { kind: 'members', rule: subjects.members[0]!.id, t0: 0, t1: 0, start: memberAt.k, end: memberAt.k + memberAt.w.length, qualifier: null, states: [], apposition: false };
  }
  for (const w of subject ? [] : firstPerson) {
    const k = text.indexOf(w);
    if (k < 0 || k > firstAt) continue;
    let end = k + w.length;
    let apposition = false;
    if (/^[,，]/u.test(text.slice(end))) {
      const close = text.slice(end + 1).search(/[,，。]/u);
      if (close > 0) { end = end + 1 + close; apposition = true; }
    }
    // The subject of the first action's sentence: the last "我们" before it.
    const last = text.lastIndexOf(w, firstAt);
    if (!apposition && last > k) { subject = { kind: 'firstPerson', rule: `${subjects.language}.subject.first-person`, t0: 0, t1: 0, start: last, end: last + w.length, qualifier: null, states: [], apposition: false }; break; }
    subject = { kind: 'firstPerson', rule: `${subjects.language}.subject.first-person`, t0: 0, t1: 0, start: k, end, qualifier: null, states: [], apposition };
    break;
  }
  const leadIn = /[:：]\s*$/u.test(text);
  return {
    actions, subject, sentences,
    openingFormula: subjects.openingFormula.some((f) => text.trimEnd().replace(/[。：:]$/u, '').endsWith(f)),
    leadIn, colonSentences: sentences.filter((s) => /[:：]\s*$/u.test(text.slice(s.start, s.end))), itemVerb: null, proposalNoun: null,
  };
}
