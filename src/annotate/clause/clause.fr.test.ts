import { describe, expect, it } from 'vitest';
import { runClauseStages } from './testSupport.js';

/** French constructs, invented sentences in the style of summit declarations; expectations checked by hand. */
const one = (line: string) => runClauseStages([line], 'fr')[0]!;
const acts = (line: string) => one(line).actions.map((a) => `${a.category}:${a.text}`);

describe('French actions', () => {
  it.each([
    ['Les États membres ont pris acte du rapport du Secrétaire général.', 'note:ont pris acte'],
    ['Les États membres ont chargé les ministres de préparer un rapport.', 'decide:ont chargé'],
    ['Les États membres expriment leur préoccupation face à la situation au Soudan.', 'consider:expriment leur préoccupation'],
    ['Les États membres réaffirment leur soutien au processus de paix.', 'support:réaffirment leur soutien'],
    ['Les États membres se sont prononcés en faveur du dialogue.', 'support:se sont prononcés en faveur'],
    ['Les États membres attirent à nouveau l’attention sur les risques.', 'stress:attirent à nouveau l’attention'],
    ['Les États membres ont également pris note des résultats du forum.', 'note:ont également pris note'],
    ['Les États membres condamnent fermement les attaques.', 'oppose:condamnent'],
  ])('%s', (line, expected) => {
    expect(acts(line)[0]).toBe(expected);
  });

  it('the future tense of any verb after the members is a commit action', () => {
    expect(acts('Les États membres renforceront la coopération douanière.')).toEqual(['commit:renforceront']);
    expect(acts('Ils s’attelleront à réduire la pauvreté.')).toEqual(['commit:s’attelleront']);
  });

  it('negation: flagged, and support becomes oppose', () => {
    expect(one('Ils ne soutiennent pas les sanctions unilatérales.').actions[0]).toMatchObject({ category: 'oppose', text: 'ne soutiennent pas', negated: true });
  });

  it('"réaffirment leur engagement" is commit before an infinitive, affirm otherwise', () => {
    expect(acts('Les États membres réaffirment leur engagement à développer le commerce.')).toEqual(['commit:réaffirment leur engagement']);
    expect(acts('Les États membres réaffirment leur engagement en faveur de la paix.')).toEqual(['affirm:réaffirment leur engagement']);
  });

  it('participle clauses follow the primary action; gerunds of means are not actions', () => {
    const p = one('Les États membres, rappelant la résolution 1540, soulignent l’importance du régime, en tenant compte des risques.');
    expect(p.actions.map((a) => `${a.category}:${a.text}:${a.form}`)).toEqual(['stress:soulignent:finite', 'affirm:rappelant:participle']);
  });

  it('verbs of a relative clause are not the members’ actions', () => {
    expect(acts('Les États membres saluent les pays qui soutiennent le processus.')).toEqual(['welcome:saluent']);
  });

  it('a verb inside the complement clause of an earlier action is not the members’ action', () => {
    expect(acts('Les États membres notent que les pays développés soutiennent rarement ces efforts.')).toEqual(['note:notent']);
    expect(acts('Les États membres notent que la situation est grave et soutiennent la médiation.')).toEqual(['note:notent', 'support:soutiennent']);
    expect(acts('Les États membres estiment que la paix est nécessaire et, conformément à la Charte, appellent les parties au dialogue.'))
      .toEqual(['consider:estiment', 'call:appellent']);
  });

  it('first person plural: present, future and light verbs', () => {
    expect(acts('Nous réaffirmons notre attachement aux principes de la Charte.')).toEqual(['affirm:réaffirmons notre attachement']);
    expect(acts('Nous renforcerons notre coopération et développerons les échanges.')).toEqual(['commit:renforcerons', 'commit:développerons']);
    expect(acts('Nous sommes convenus de tenir le prochain sommet à Phnom Penh.')).toEqual(['decide:sommes convenus']);
  });

  it('an incise between auxiliary and participle stays inside the span', () => {
    expect(acts('Ils ont, à l’issue des consultations, approuvé le plan.')).toEqual(['adopt:ont, à l’issue des consultations, approuvé']);
  });
});

describe('French subjects and kinds', () => {
  it('the opening formula is preamble with subject all and an affirm action', () => {
    const p = one('Nous, chefs d’État et de gouvernement, réunis à Kazan, déclarons ce qui suit :');
    expect(p.kind).toBe('preamble');
    expect(p.subject).toMatchObject({ scope: 'all', text: 'Nous, chefs d’État et de gouvernement' });
    expect(p.actions[0]).toMatchObject({ category: 'affirm', text: 'déclarons' });
  });

  it('a narrative paragraph of the members is preamble; a description of the world has no subject', () => {
    expect(one('Les chefs d’État se sont réunis à Bichkek le 5 juillet.')).toMatchObject({ kind: 'preamble', subject: { scope: 'all' } });
    expect(one('La communauté internationale traverse une période de profonds changements.')).toMatchObject({ kind: 'preamble', subject: { scope: 'none' } });
  });

  it('a qualified group is a subset; "Ils" continues it', () => {
    const [a, b] = runClauseStages(['Les États membres intéressés poursuivront les consultations.', 'Ils salueront les progrès.'], 'fr');
    expect(a!.subject).toMatchObject({ scope: 'subset', states: [], qualifier: 'intéressés', text: 'Les États membres intéressés' });
    expect(b!.subject).toMatchObject({ scope: 'subset', qualifier: 'intéressés', text: 'Ils' });
  });

  it('someone else: the next meeting', () => {
    expect(one('Le prochain sommet aura lieu à Bichkek en 2025.')).toMatchObject({ kind: 'operative', subject: { scope: 'other', text: 'Le prochain sommet' }, actions: [] });
  });

  it('named states form a subset with the absent members', () => {
    const [p] = runClauseStages(['La République de l’Inde et la Fédération de Russie soutiennent le projet.'], 'fr', {
      entities: { 0: [['République de l’Inde', 'state', 'IN'], ['Fédération de Russie', 'state', 'RU']] },
      members: ['CN', 'IN', 'RU'],
    });
    expect(p!.subject).toMatchObject({ scope: 'subset', states: ['IN', 'RU'], absent: ['CN'] });
  });
});

describe('French UN-style resolution', () => {
  it('the body is the subject; participle paragraphs and third-person items are its actions', () => {
    const ps = runClauseStages([
      'L’Assemblée générale,', 'Rappelant sa résolution 75/1,', 'Profondément préoccupée par la situation humanitaire,',
      '1. Décide de convoquer une réunion de haut niveau en 2026 ;', '2. Se félicite des progrès accomplis et engage les États à poursuivre leurs efforts ;',
    ], 'fr');
    expect(ps.map((p) => p.kind)).toEqual(['preamble', 'operative', 'operative', 'operative', 'operative']);
    expect(ps.map((p) => p.subject.scope)).toEqual(['all', 'all', 'all', 'all', 'all']);
    expect(ps.map((p) => p.actions.map((a) => `${a.category}:${a.text}`))).toEqual([
      [], ['affirm:Rappelant'], ['consider:Profondément préoccupée'], ['decide:Décide'], ['welcome:Se félicite', 'call:engage'],
    ]);
    expect(ps.map((p) => p.commitments)).toEqual([0, 0, 0, 1, 0]);
  });
});

describe('French commitments and proposals', () => {
  it.each([
    ['Les États membres s’efforceront de réduire les obstacles, de simplifier les procédures et d’harmoniser les normes.', 3],
    ['Les États membres défendront et renforceront le système commercial multilatéral.', 1],
    ['Les États membres continueront, notamment en échangeant des informations, à lutter contre la drogue.', 1],
    ['Les États membres soulignent l’importance de développer le tourisme.', 0],
    ['Les États membres ont décidé de créer un fonds commun.', 1],
  ])('%s → %i', (line, n) => {
    expect(one(line as string).commitments).toBe(n);
  });

  it('a proposal takes its stance from the governing action', () => {
    const [p] = runClauseStages(['Les dirigeants ont pris note avec intérêt de la proposition du Kazakhstan d’organiser un forum des jeunes et ont salué les résultats du congrès.'], 'fr', {
      entities: { 0: [['Kazakhstan', 'state', 'KZ']] },
    });
    expect(p!.proposals).toEqual([expect.objectContaining({ proposer: 'KZ', stance: 'note', text: 'organiser un forum des jeunes' })]);
  });

  it('a proposal without complement takes its text from the decision that follows', () => {
    const [p] = runClauseStages(['Les États membres ont soutenu la proposition de la République kirghize et ont décidé de créer un centre de formation.'], 'fr', {
      entities: { 0: [['République kirghize', 'state', 'KG']] },
    });
    expect(p!.proposals).toEqual([expect.objectContaining({ proposer: 'KG', stance: 'support', text: 'créer un centre de formation' })]);
  });
});
