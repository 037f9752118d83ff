import type { ActionCategory } from '../../types.js';
import { loadLexicon } from '../../lexicon/load.js';

/**
 * Types and loaders for the clause-level lexicons (lexicons/<lang>/{verbs,subjects,
 * commitment,proposals}.yaml, schemas in lexicons/schema/). The data decides which words
 * are operative verbs, subjects, commitment cues and proposal nouns; the code in this
 * folder only knows how to match them. A language without a file yields null and the
 * stages then leave that language's paragraphs unannotated (with a message).
 */

/** One operative verb (or fixed locution) and its inflected forms. */
export interface VerbEntry {
  id: string;
  category: ActionCategory;
  /** Category when the verb is followed by a complementizer ("agree that" → consider). */
  thatCategory?: ActionCategory;
  /** Finite forms as written after the subject ("notent", "ont pris note" is built from `perfect`). */
  finite?: string[];
  /** Past participles, combined with the language's auxiliaries ("noté" → "ont noté"). */
  perfect?: string[];
  /** Present participles that open a participle clause ("notant", "reiterating"). */
  participle?: string[];
  /** Bare forms that can open a numbered operative item ("Recognize", "Accelerate"). */
  base?: string[];
  /** Person of the `base` forms: 'third' for resolution items ("Décide", "Requests"); imperative otherwise. */
  person?: 'third';
  /** The form is only an action when negated ("ne participent pas"). */
  negatedOnly?: boolean;
  /** The span takes the following word too (modal "will" + verb → "will pursue"). */
  takesVerb?: boolean;
}

/** A token-shape rule: every word matching `suffix` (minus `exclude`) is a form of this category. */
export interface VerbPattern {
  id: string;
  category: ActionCategory;
  /** Regular expression (unicode) a whole folded word must match. */
  word: string;
  exclude?: string[];
  form: 'finite' | 'participle';
  /** Words that may follow and belong to the span ("mettront en œuvre"). */
  continuations?: string[];
  /** Words that, right before, join the span (reflexive "s'" + "efforceront"). */
  prefixes?: string[];
}

/** Light verb + possessive + noun: the noun decides the category (GUIDELINES §8). */
export interface LightVerbNoun {
  id: string;
  category: ActionCategory;
  nouns: string[];
  /** Category when the noun is followed by an infinitive/gerund complement (commitment to act). */
  withVerbCategory?: ActionCategory;
}

export interface VerbLexicon {
  language: string;
  auxiliaries: string[];
  /** Auxiliaries of a participle clause ("avoir salué", "having welcomed"). */
  participleAuxiliaries?: string[];
  adverbs: string[];
  negation?: { before: string[]; after: string[] };
  /** Words right before a participle that make it a gerund of means/manner ("en", "by"). */
  gerundMarkers?: string[];
  /** Words right before a participle that keep it a stance clause ("tout en", "while"). */
  participleOpeners?: string[];
  /** Words before a finite form that make it part of a subordinate clause ("qui", "that"). */
  relativeMarkers?: string[];
  /** Words after a coordinated one-word form that show it is a noun ("and support for"). */
  nounCues?: string[];
  /** One-word forms that are also common nouns, to which `nounCues` apply ("support"). */
  nounForms?: string[];
  /** Words that coordinate one action with the next ("et", "and", "as well as"). */
  coordinators: string[];
  /** Words that mark an infinitive and so a non-finite use of a base form ("to"). */
  infinitiveMarkers?: string[];
  entries: VerbEntry[];
  patterns?: VerbPattern[];
  lightVerbs?: { id: string; finite?: string[]; perfect?: string[]; participle?: string[]; base?: string[] }[];
  /** Match forms as character strings, not words (Chinese). */
  substring?: boolean;
  possessives?: string[];
  lightNouns?: LightVerbNoun[];
  /** Words after a light noun that introduce a verb complement ("à", "de", "to"). */
  complementMarkers?: string[];
  /** A folded word that is a verb complement after a marker (infinitive, gerund): regex. */
  complementVerb?: string;
  /** Complementizers for `thatCategory` ("that", "que"). */
  complementizers?: string[];
  /** Verbs that only narrate the meeting: never actions (documentation; matched to veto). */
  narrative?: string[];
}

export interface SubjectLexicon {
  language: string;
  /** The members as a body ("les États membres", "the Member States", "Leaders"). */
  members: { id: string; forms: string[] }[];
  /** Pronouns that continue the previous subject ("ils", "they"). */
  anaphora: string[];
  /** First person plural subject ("nous", "we", "мы", "我们"). */
  firstPerson: string[];
  /** Words that start a qualifying phrase after a member noun ("intéressés", "that are parties"). */
  qualifierStarts: string[];
  /** Words before a noun phrase that make it a complement, not a subject ("de", "of"). */
  notAfter: string[];
  /** Someone else as subject ("la présidence", "the chairmanship"). */
  other: { id: string; forms: string[] }[];
  /** Verbs that end an `other` subject's noun phrase ("revient", "will pass"). */
  otherVerbs: string[];
  /** Endings of the opening formula ("déclarent ce qui suit", "declare the following"). */
  openingFormula: string[];
  /** Words after a member noun that extend it to a longer name ("de", "of"): "Les dirigeants des États membres de l'OCS". */
  genitiveWords?: string[];
  /** Words joining state names in a list ("et", "and"). */
  listJoiners: string[];
}

export interface CommitmentLexicon {
  language: string;
  /** Action categories that carry a pledge (commit, decide). */
  categories: ActionCategory[];
  /** Words coordinating a further target ("et", ","). */
  coordinators: string[];
  /** Markers of an infinitive target ("de", "d'", "à", "to"). */
  infinitiveMarkers: string[];
  /** A word is taken as an infinitive/gerund when it matches this (folded). */
  verbWord: string;
  /** A word after an infinitive marker taken as a verb ("and to improve"); defaults to verbWord. */
  markedVerbWord?: string;
  /** Words that look like verbs but are not ("entre", "notre"). */
  notVerbs: string[];
  /** A gerund marker whose clause adds a target ("en" + -ant). */
  gerundMarkers: string[];
  gerundWord?: string;
  /** Words after which a list spells out one pledge and is not counted ("notamment"). */
  spellOut: string[];
}

export interface ProposalLexicon {
  language: string;
  /** Nouns that introduce a proposal ("proposition", "initiative", "proposal"). */
  nouns: string[];
  /** Words between the noun and the state ("de la", "of", "by"). */
  ofWords: string[];
  /** Words between the state and the proposed verb ("de", "visant à", "to"). */
  linkWords: string[];
  /** Possessive marker after a state ("'s") for "<State>'s proposal to". */
  possessiveMarkers?: string[];
}

export function loadVerbLexicon(lang: string): VerbLexicon | null {
  return loadLexicon<VerbLexicon>(lang, 'verbs');
}
export function loadSubjectLexicon(lang: string): SubjectLexicon | null {
  return loadLexicon<SubjectLexicon>(lang, 'subjects');
}
export function loadCommitmentLexicon(lang: string): CommitmentLexicon | null {
  return loadLexicon<CommitmentLexicon>(lang, 'commitment');
}
export function loadProposalLexicon(lang: string): ProposalLexicon | null {
  return loadLexicon<ProposalLexicon>(lang, 'proposals');
}
