import { describe, expect, it } from 'vitest';
import { runClauseStages } from './testSupport.js';

/** Russian and Chinese: invented sentences in the style of SCO/EAEU/G20 texts; expectations checked by hand. */
const acts = (line: string, lang: string) => runClauseStages([line], lang)[0]!.actions.map((a) => `${a.category}:${a.text}`);

describe('Russian', () => {
  it('finite verbs after the members and after "Мы"', () => {
    expect(acts('Государства-члены подчеркивают важность сотрудничества в сфере безопасности.', 'ru')).toEqual(['stress:подчеркивают']);
    expect(acts('Мы выражаем обеспокоенность ситуацией в регионе и призываем стороны к сдержанности.', 'ru')).toEqual(['consider:выражаем обеспокоенность', 'call:призываем']);
  });

  it('"будут" + verb is a pledge with one target per coordinated infinitive', () => {
    const [p] = runClauseStages(['Государства-члены будут развивать сотрудничество в области энергетики и укреплять связи.'], 'ru');
    expect(p!.actions.map((a) => `${a.category}:${a.text}`)).toEqual(['commit:будут развивать']);
    expect(p!.commitments).toBe(2);
  });

  it('a list of adverbial participles under "Мы, …," then the formula', () => {
    const ps = runClauseStages(['Мы, главы государств,', 'подтверждая приверженность целям Договора,', 'выражая решимость объединить усилия,', 'заявляем о нижеследующем:'], 'ru');
    expect(ps.map((p) => p.kind)).toEqual(['preamble', 'operative', 'operative', 'preamble']);
    expect(ps.map((p) => p.subject.scope)).toEqual(['all', 'all', 'all', 'all']);
    expect(ps.map((p) => p.actions[0]?.category ?? null)).toEqual([null, 'affirm', 'commit', 'affirm']);
    expect(ps.map((p) => p.commitments)).toEqual([0, 0, 1, 0]);
  });

  it('someone else: the chairmanship passes', () => {
    const [p] = runClauseStages(['Председательство в Организации на предстоящий период переходит к Республике Казахстан.'], 'ru');
    expect(p!.subject).toMatchObject({ scope: 'other', text: 'Председательство в Организации на предстоящий период' });
  });

  it('a proposal with the state in the genitive', () => {
    const [p] = runClauseStages(['Государства-члены приняли к сведению предложение Республики Казахстан о создании регионального центра.'], 'ru', {
      entities: { 0: [['Республики Казахстан', 'state', 'KZ']] },
    });
    expect(p!.proposals).toEqual([expect.objectContaining({ proposer: 'KZ', stance: 'note', text: 'создании регионального центра' })]);
  });
});

describe('Chinese', () => {
  it('verbs after 我们 and at clause starts; nouns after 的 are not verbs', () => {
    const [p] = runClauseStages(['2.我们重申对多边主义的支持,欢迎有关进展,并将继续加强合作。'], 'zh');
    expect(p!.actions.map((a) => `${a.category}:${a.text}`)).toEqual(['affirm:重申', 'welcome:欢迎', 'commit:将继续']);
    expect(p!.subject).toMatchObject({ scope: 'all', text: '我们' });
    expect(p!.commitment).toBe(true);
  });

  it('"成员国" is the members as a body; "重申支持" is support (the noun decides)', () => {
    const [p] = runClauseStages(['5.成员国重申支持地区和平进程。成员国将继续加强合作。'], 'zh');
    expect(p!.subject).toMatchObject({ scope: 'all', text: '成员国' });
    expect(p!.actions.map((a) => `${a.category}:${a.text}`)).toEqual(['support:重申支持', 'commit:将继续']);
  });

  it('"我们,<apposition>," is the formula subject', () => {
    const [p] = runClauseStages(['我们,金砖国家领导人,在喀山举行会晤。我们致力于加强团结。'], 'zh');
    expect(p!.subject.text).toBe('我们,金砖国家领导人');
    expect(p!.actions.map((a) => a.category)).toEqual(['commit']);
  });
});
