import { describe, expect, it } from 'vitest';
import { runClauseStages } from './testSupport.js';

/** English constructs the French example does not have. Expectations written by hand from GUIDELINES §2–4, §6, §8. */
const one = (line: string) => runClauseStages([line], 'en')[0]!;
const cats = (line: string) => one(line).actions.map((a) => `${a.category}:${a.text}`);

describe('English actions', () => {
  it.each([
    ['We are determined to end hunger by 2030.', 'commit:are determined'],
    ['We task our ministers to report back to us next year.', 'decide:task'],
    ['We look forward to the next summit in Brazil.', 'welcome:look forward'],
    ['We condemn terrorism in all its forms and manifestations.', 'oppose:condemn'],
    ['We call upon all parties to exercise restraint.', 'call:call upon'],
    ['Leaders agreed to establish a working group on debt.', 'decide:agreed'],
    ['We note with concern the rising levels of debt in developing countries.', 'consider:note with concern'],
    ['We welcomed the outcome of the conference.', 'welcome:welcomed'],
    ['We have decided to create a new fund.', 'decide:have decided'],
    ['We express our deep concern at the humanitarian situation.', 'consider:express our deep concern'],
    ['We reaffirmed our support for the Chairmanship.', 'support:reaffirmed our support'],
    ['We take note of the report of the panel.', 'note:take note'],
    ['We stress the need for reform of the Security Council.', 'stress:stress'],
    ['The Member States expressed support for the efforts of the region.', 'support:expressed support'],
    ['The Member States stand for the peaceful settlement of disputes.', 'support:stand for'],
    ['The Member States positively assessed the results of the forum.', 'welcome:positively assessed'],
    ['We reiterate our call on all parties to refrain from violence.', 'call:reiterate our call'],
  ])('%s', (line, expected) => {
    expect(cats(line)[0]).toBe(expected);
  });

  it('"will" + verb is a commit action spanning both words', () => {
    const p = one('We will continue to support the work of the World Health Organization.');
    expect(p.actions.map((a) => a.text)).toEqual(['will continue']);
    expect(p.actions[0]!.category).toBe('commit');
  });

  it('"reaffirm our commitment" is affirm before a noun, commit before a gerund', () => {
    expect(cats('We reaffirm our commitment to multilateralism.')).toEqual(['affirm:reaffirm our commitment']);
    expect(cats('We reaffirm our commitment to strengthening the multilateral trading system.')).toEqual(['commit:reaffirm our commitment']);
  });

  it('negation flags the action and turns support into oppose', () => {
    const p = one('We do not support unilateral sanctions.');
    expect(p.actions[0]).toMatchObject({ category: 'oppose', text: 'do not support', negated: true });
  });

  it('primary action is the first finite verb; a leading participle follows it', () => {
    const p = one('Recognizing the importance of climate finance, we commit to mobilizing resources.');
    expect(p.actions.map((a) => `${a.category}:${a.text}:${a.form}`)).toEqual(['commit:commit:finite', 'consider:Recognizing:participle']);
  });

  it('coordinated verbs after the subject are actions; verbs of other subjects are not', () => {
    expect(cats('We welcome the adoption of the Pact and encourage its implementation.')).toEqual(['welcome:welcome', 'support:encourage']);
    expect(cats('We note that the decisions we make now will determine the future.')).toEqual(['note:note']);
    expect(cats('We urge the countries that support the process to welcome refugees.')).toEqual(['call:urge']);
  });

  it('"agree that" is an assessment, "agree to" a decision', () => {
    expect(cats('We agree that climate change is a major challenge.')).toEqual(['consider:agree']);
    expect(one('We agree that climate change is a major challenge.').commitment).toBe(false);
    expect(cats('Leaders today agreed to provide support to the fund.')).toEqual(['decide:agreed']);
    expect(one('Leaders today agreed to provide support to the fund.').subject.text).toBe('Leaders');
  });

  it('a participle after a finite verb and "and" is not a new clause', () => {
    expect(cats('Bearing in mind the changes, we reaffirm our commitment to multilateralism and upholding international law.'))
      .toEqual(['affirm:reaffirm our commitment', 'consider:Bearing in mind']);
  });

  it('a second predicate of the subject after "and" is an action even after a narrative verb', () => {
    expect(cats('We meet at the birthplace of the agenda and commit ourselves to building a just world.')).toEqual(['commit:commit ourselves']);
  });

  it('a coordinator before a comma incise still coordinates', () => {
    expect(cats('We welcome the agreement and, in this regard, call upon all parties to implement it.')).toEqual(['welcome:welcome', 'call:call upon']);
  });

  it('a coordinated one-word form used as a noun is not an action', () => {
    expect(cats('We stress the need for peace and support for refugees.')).toEqual(['stress:stress']);
    expect(cats('We welcome the report and support its recommendations.')).toEqual(['welcome:welcome', 'support:support']);
    expect(cats('We welcome the adoption of the framework and commit to its swift implementation.')).toEqual(['welcome:welcome', 'commit:commit']);
  });

  it('narrative verbs are not actions and the formula paragraph is preamble with subject all', () => {
    const p = one('We, the Heads of State and Government, met in Kazan on 23 October 2024.');
    expect(p.actions).toEqual([]);
    expect(p.kind).toBe('preamble');
    expect(p.subject).toMatchObject({ scope: 'all', text: 'We, the Heads of State and Government' });
  });

  it('a context statement has no subject and is preamble', () => {
    const p = one('The world economy faces significant headwinds.');
    expect(p.subject.scope).toBe('none');
    expect(p.kind).toBe('preamble');
  });
});

describe('English subjects', () => {
  it('a qualified group is a subset with its qualifier', () => {
    const p = one('Member States that are parties to the NPT reaffirm their commitment to its full implementation.');
    expect(p.subject).toMatchObject({ scope: 'subset', states: [], qualifier: 'that are parties to the NPT' });
  });

  it('"They" continues the previous subject', () => {
    const [, b] = runClauseStages(['Member States concerned support the project.', 'They also welcome its results.'], 'en');
    expect(b!.subject).toMatchObject({ scope: 'subset', qualifier: 'concerned', text: 'They' });
  });

  it('states named one by one are a subset, with the absent members', () => {
    const [p] = runClauseStages(['Brazil, India and South Africa support the proposal.'], 'en', {
      entities: { 0: [['Brazil', 'state', 'BR'], ['India', 'state', 'IN'], ['South Africa', 'state', 'ZA']] },
      members: ['BR', 'RU', 'IN', 'CN', 'ZA'],
    });
    expect(p!.subject).toMatchObject({ scope: 'subset', states: ['BR', 'IN', 'ZA'], absent: ['RU', 'CN'] });
  });

  it('someone else as subject is other and operative', () => {
    const p = one('The next summit will be held in South Africa in 2025.');
    expect(p.subject).toMatchObject({ scope: 'other', text: 'The next summit' });
    expect(p.kind).toBe('operative');
    expect(p.actions).toEqual([]);
  });
});

describe('English numbered items under a chapeau', () => {
  it('items under "we:" take their verb from the lexicon', () => {
    const ps = runClauseStages(['We, the Heads of State, are assembled in New York, and in this regard we:', '1. Recognize that resistance is a threat,', '2. Reaffirm the Agenda, and recall commitments to fight malaria,'], 'en');
    expect(ps.map((p) => p.kind)).toEqual(['preamble', 'operative', 'operative']);
    expect(ps[1]!.actions.map((a) => `${a.category}:${a.text}`)).toEqual(['consider:Recognize']);
    expect(ps[2]!.actions.map((a) => `${a.category}:${a.text}`)).toEqual(['affirm:Reaffirm', 'affirm:recall']);
    expect(ps[1]!.subject).toMatchObject({ scope: 'all', text: null });
  });

  it('bulleted items under "We commit to:" are commitments too', () => {
    const ps = runClauseStages(['We commit to:', '• Scale up finance for adaptation.', '• Phase out inefficient subsidies.'], 'en');
    expect(ps.map((p) => p.actions.map((a) => `${a.category}:${a.text}`))).toEqual([['commit:commit'], ['commit:Scale'], ['commit:Phase']]);
    expect(ps.map((p) => p.commitments)).toEqual([0, 1, 1]);
  });

  it('an item-initial form inside an item is not an action ("… and demands action")', () => {
    const ps = runClauseStages(['In this regard we:', '1. Recognize that the threat is urgent and demands immediate action,'], 'en');
    expect(ps[1]!.actions.map((a) => a.text)).toEqual(['Recognize']);
  });

  it('items under "We commit to:" are commitments; the lead-in counts none', () => {
    const ps = runClauseStages(['We commit to:', '1. Accelerate inclusive growth.', '2. Accelerate the implementation of the 2030 Agenda.'], 'en');
    expect(ps[0]!.commitments).toBe(0);
    expect(ps[1]!.actions[0]).toMatchObject({ category: 'commit', text: 'Accelerate' });
    expect(ps.map((p) => p.commitments)).toEqual([0, 1, 1]);
  });
});

describe('English commitments', () => {
  it.each([
    ['We will work together to strengthen health systems and to improve pandemic preparedness.', 2],
    ['We commit to reducing emissions, to protecting forests and to mobilizing finance, including through banks.', 3],
    ['We welcome the report and stress its importance.', 0],
    ['We call on donors to increase funding.', 0],
    ['We are ready to share our experience.', 1],
    ['We reiterate our commitment to enhancing and improving global governance.', 1],
  ])('%s → %i', (line, n) => {
    const p = one(line as string);
    expect(p.commitments).toBe(n);
    expect(p.commitment).toBe((n as number) > 0);
  });
});

describe('English proposals', () => {
  it('"<State>\'s proposal to" and "the initiative of <State> to"', () => {
    const [p] = runClauseStages(["We note Brazil's proposal to host a conference on forests. We support the initiative of India to launch a biofuels alliance."], 'en', {
      entities: { 0: [['Brazil', 'state', 'BR'], ['India', 'state', 'IN']] },
    });
    expect(p!.proposals.map((x) => [x.proposer, x.stance, x.text])).toEqual([
      ['BR', 'note', 'host a conference on forests'],
      ['IN', 'support', 'launch a biofuels alliance'],
    ]);
  });
});
