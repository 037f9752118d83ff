import { describe, expect, it } from 'vitest';
import { findNamedEntities, findPersons, findResolutions, insideOrganisation, startGateFor } from './named.js';
import { headStarts } from './namedWalk.js';
import { foldWord, inStemList, prepareLexicon, type PreparedLexicon } from './namedLexicon.js';

/** [type, text] of each mention (and ref when asked). Expected values are checked by hand against GUIDELINES §5. */
const found = (text: string, lang: string) => findNamedEntities(text, lang).map((e) => [e.type, e.text]);
const withRef = (text: string, lang: string) => findNamedEntities(text, lang).map((e) => [e.type, e.text, e.ref ?? null]);

describe('findNamedEntities: English', () => {
  it('marks capitalised names by their head noun, with ordinals and years', () => {
    expect(found('met from 22 to 24 October 2024 for the XVI BRICS Summit held under the theme', 'en')).toEqual([['event', 'XVI BRICS Summit']]);
    expect(found('gathered for the 44th and 45th ASEAN Summits under the Chairmanship of the Lao PDR.', 'en')).toEqual([['event', '44th and 45th ASEAN Summits']]);
    expect(found('supporting the development of the ASEAN Community Vision 2045 and its Strategic Plans,', 'en')).toEqual([['instrument', 'ASEAN Community Vision 2045']]);
    expect(found('We welcome the adoption of the Pact for the Future, including the Global Digital Compact.', 'en'))
      .toEqual([['instrument', 'Pact for the Future'], ['instrument', 'Global Digital Compact']]);
  });
  it('splits two coordinated names and reads glued heads', () => {
    expect(found('the adoption of the BRICS Leaders’ FrameworkDeclaration on Climate Finance and of the BRICS Leaders’ Statement on the Global Governance of Artificial Intelligence, as well as', 'en'))
      .toEqual([['instrument', 'BRICS Leaders’ FrameworkDeclaration on Climate Finance'], ['instrument', 'BRICS Leaders’ Statement on the Global Governance of Artificial Intelligence']]);
  });
  it('gives well-known things their ref, and an acronym in parentheses the same ref', () => {
    expect(withRef('We recall the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) and the Paris Agreement.', 'en'))
      .toEqual([['instrument', 'Treaty on the Non-Proliferation of Nuclear Weapons', 'npt'], ['instrument', 'NPT', 'npt'], ['instrument', 'Paris Agreement', 'paris-agreement']]);
    expect(withRef('gains in the 2030 Agenda and its Sustainable Development Goals (SDGs).', 'en'))
      .toEqual([['instrument', '2030 Agenda', 'agenda-2030'], ['initiative', 'Sustainable Development Goals', 'sdgs'], ['initiative', 'SDGs', 'sdgs']]);
  });
  it('marks a resolution by its number or symbol, not the body that adopted it', () => {
    expect(found('in accordance with General Assembly resolution 78/269, to review', 'en')).toEqual([['instrument', 'resolution 78/269']]);
    expect(found('recalling UN General Assembly Resolution 76/300 and resolution A/RES/70/1', 'en')).toEqual([['instrument', 'Resolution 76/300'], ['instrument', 'resolution A/RES/70/1']]);
  });
  it('does not mark anaphors, generic descriptions or names of organisations', () => {
    expect(found('The Treaty remains the cornerstone, and the Convention must be respected.', 'en')).toEqual([]);
    expect(found('We stress that a legally binding instrument is needed and support its Action Plan.', 'en')).toEqual([]);
    expect(found('the members of the Collective Security Council of the Collective Security Treaty Organization', 'en')).toEqual([]);
    expect(found('We welcome the launch of the Global Alliance against Hunger and Poverty.', 'en')).toEqual([]);
    // "(UN)" abbreviates the organisation inside the name, not the Charter
    expect(found('the principles enshrined in the Charter of the United Nations (UN) as its cornerstone', 'en')).toEqual([['instrument', 'Charter of the United Nations']]);
    expect(found('We reaffirm our commitment to the Addis Ababa Action Agenda and to the Monterrey Consensus.', 'en')).toEqual([['instrument', 'Addis Ababa Action Agenda']]);
  });
  it('takes a document title line as one instrument, up to a subtitle dash', () => {
    expect(found('Rio de Janeiro Declaration- Strengthening Global South Cooperation for a More Inclusive and Sustainable Governance', 'en'))
      .toEqual([['instrument', 'Rio de Janeiro Declaration']]);
    expect(found('STATEMENT of the Council of Foreign Ministers on the occasion of the 10th anniversary of the Treaty', 'en'))
      .toEqual([['instrument', 'STATEMENT of the Council of Foreign Ministers on the occasion of the 10th anniversary of the Treaty']]);
  });
  it('marks persons after an honorific', () => {
    expect(found('The Summits were chaired by H.E. Mr. Sonexay Siphandone, Prime Minister of the Lao PDR.', 'en')).toEqual([['person', 'Sonexay Siphandone']]);
    expect(found('President Luiz Inácio Lula da Silva opened the meeting.', 'en')).toEqual([['person', 'Luiz Inácio Lula da Silva']]);
  });
});

describe('findNamedEntities: French', () => {
  it('extends a head over its complements, enumerations and periods', () => {
    expect(found('Ils ont adopté la Stratégie de coopération énergétique des pays membres du Forum pour la période allant jusqu’en 2035 .', 'fr'))
      .toEqual([['instrument', 'Stratégie de coopération énergétique des pays membres du Forum pour la période allant jusqu’en 2035']]);
    expect(found('ont adopté le Programme de lutte contre le terrorisme, le séparatisme et l’extrémisme pour 2028-2030, visant à accroître', 'fr'))
      .toEqual([['instrument', 'Programme de lutte contre le terrorisme, le séparatisme et l’extrémisme pour 2028-2030']]);
  });
  it('stops before a date of signature, a place and a parenthesis with place and date', () => {
    expect(found('qui ont ratifié le Traité sur l’interdiction des mines antipersonnel du 18 septembre 1997 soutiennent', 'fr'))
      .toEqual([['instrument', 'Traité sur l’interdiction des mines antipersonnel']]);
    expect(found('ont salué les résultats du Forum des transports de l’OCS (Tachkent, 1er novembre 2023).', 'fr'))
      .toEqual([['event', 'Forum des transports de l’OCS']]);
    expect(found('la tenue de la réunion des ministres des transports des États membres de l’OCS à Bichkek en 2025 .', 'fr'))
      .toEqual([['event', 'réunion des ministres des transports des États membres de l’OCS']]);
  });
  it('keeps a quoted title with its descriptor, and an acronym after the name', () => {
    expect(found('la tenue de l’exercice antiterroriste conjoint « Mission de paix – 2025 » en août', 'fr'))
      .toEqual([['event', 'exercice antiterroriste conjoint « Mission de paix – 2025 »']]);
    expect(withRef('le plein respect de la Convention sur les armes chimiques (CAC) et les intérêts des États parties à la CAC.', 'fr'))
      .toEqual([['instrument', 'Convention sur les armes chimiques', 'cwc'], ['instrument', 'CAC', 'cwc'], ['instrument', 'CAC', 'cwc']]);
  });
  it('marks only a quoted title that stands apart from its descriptor', () => {
    expect(found('ont salué la résolution adoptée par l’Assemblée générale des Nations Unies « Promouvoir la coopération régionale » .', 'fr'))
      .toEqual([['instrument', 'Promouvoir la coopération régionale']]);
  });
  it('marks a lower-case document only when it is specific', () => {
    expect(found('les négociations sur une convention internationale pour la répression des actes de piraterie', 'fr'))
      .toEqual([['instrument', 'convention internationale pour la répression des actes de piraterie']]);
    expect(found('la nécessité d’élaborer un protocole juridiquement contraignant et un mémorandum correspondant.', 'fr')).toEqual([]);
    expect(found('Les ministres ont adopté un plan d’action visant à renforcer la coopération.', 'fr')).toEqual([]);
    expect(found('appellent au respect de la Convention et du Traité.', 'fr')).toEqual([]);
    expect(found('conformément à la Convention pertinente.', 'fr')).toEqual([]);
    expect(found('l’adoption du Pacte numérique mondial lors du sommet', 'fr')).toEqual([['instrument', 'Pacte numérique mondial']]);
  });
  it('separates coordinated names and does not take bodies for events', () => {
    expect(found('l’approbation de la stratégie antidrogue de l’OCS pour 2026-2030 et du programme d’action pour sa mise en œuvre constituera', 'fr'))
      .toEqual([['instrument', 'stratégie antidrogue de l’OCS pour 2026-2030'], ['instrument', 'programme d’action pour sa mise en œuvre']]);
    expect(found('lors de la Conférence du désarmement.', 'fr')).toEqual([]);
    expect(found('le programme de travail de la Conférence du désarmement et l’ouverture de négociations', 'fr')).toEqual([]);
    expect(found('Ils appuient la Stratégie mondiale de lutte antiterroriste des Nations Unies et ses examens biennaux.', 'fr'))
      .toEqual([['instrument', 'Stratégie mondiale de lutte antiterroriste des Nations Unies']]);
    expect(found('les membres de l’Organisation du Traité de sécurité collective', 'fr')).toEqual([]);
  });
  it('reads years of something, weeks and ordinals as events', () => {
    expect(found('ont convenu de déclarer 2027 Année de la culture au sein de l’OCS.', 'fr')).toEqual([['event', 'Année de la culture']]);
    expect(found('Ils ont salué les résultats du premier Congrès international des jeunes de l’OCS (Bichkek, 27-28 mars 2024).', 'fr'))
      .toEqual([['event', 'premier Congrès international des jeunes de l’OCS']]);
  });
});

describe('findNamedEntities: Russian and Chinese', () => {
  it('reads inflected Russian names and stops before "от <date>"', () => {
    expect(withRef('закрепленным в Договоре о Евразийском экономическом союзе от 29 мая 2014 года,', 'ru'))
      .toEqual([['instrument', 'Договоре о Евразийском экономическом союзе', 'eaeu-treaty']]);
    expect(found('одобрили Программу сотрудничества государств – членов ШОС в борьбе с терроризмом, сепаратизмом и экстремизмом на 2028–2030 годы.', 'ru'))
      .toEqual([['instrument', 'Программу сотрудничества государств – членов ШОС в борьбе с терроризмом, сепаратизмом и экстремизмом на 2028–2030 годы']]);
  });
  it('reads Chinese names ending in their head noun, quoted or not', () => {
    expect(found('我们重申3月26日二十国集团领导人应对新冠肺炎特别峰会所作承诺', 'zh')).toEqual([['event', '二十国集团领导人应对新冠肺炎特别峰会']]);
    expect(found('特别是“全球合作加速开发、生产、公平获取新冠肺炎防控新工具倡议”及其“新冠肺炎疫苗实施计划”', 'zh'))
      .toEqual([['initiative', '全球合作加速开发、生产、公平获取新冠肺炎防控新工具倡议'], ['initiative', '新冠肺炎疫苗实施计划']]);
    expect(found('在沙特主席国任期内第二次举行会议', 'zh')).toEqual([]);
    expect(withRef('成员国重申恪守《上海合作组织宪章》宗旨，支持落实安理会第2231号决议。', 'zh'))
      .toEqual([['instrument', '上海合作组织宪章', 'sco-charter'], ['instrument', '第2231号决议', null]]);
    expect(withRef('成员国欢迎全球发展倡议，支持共建“一带一路”倡议。', 'zh'))
      .toEqual([['initiative', '全球发展倡议', 'gdi'], ['initiative', '“一带一路”倡议', 'bri']]);
  });
});

describe('entities lexicons', () => {
  it('load and validate for every language', () => {
    for (const lang of ['fr', 'en', 'ru', 'zh']) expect(prepareLexicon(lang), lang).not.toBeNull();
  });
  it('never throw on random sequences of the grammar\'s own words (seeded fuzz)', () => {
    const vocab = ['Convention', 'sur', 'de', 'la', 'l’', 'et', ',', '.', '«', '»', '“', '”', '(', ')', 'Treaty', 'of', 'the', 'and', 'OCS',
      'Forum', 'réunion', 'des', 'pour', '2024-2029', 'jusqu’en', '2030', 'résolution', '2231', 'Summit', 'XVII', '44th', 'BRICS',
      'Договор', 'о', 'и', '峰会', '宣言', '“', '倡议', 'M.', 'H.E.', 'Mr.', '–', ':', 'visant', 'à', 'développer', 'Nations', 'Unies'];
    let seed = 42;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let n = 0; n < 300; n++) {
      const len = next() % 30;
      const words: string[] = [];
      for (let k = 0; k < len; k++) words.push(vocab[next() % vocab.length]);
      const text = words.join(next() % 2 ? ' ' : '');
      for (const lang of ['fr', 'en', 'ru', 'zh']) {
        const out = findNamedEntities(text, lang);
        for (const e of out) expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });
  it('marks an acronym with a hyphen after a name, and its later bare uses', () => {
    const text = 'We welcome the Fifth United Nations Conference on the Least Developed Countries (LDC-5) held in Doha. The LDC-5 outcome matters.';
    const found = findNamedEntities(text, 'en').map((e) => [e.text, e.rule]);
    expect(found).toContainEqual(['LDC-5', 'entities/rule:en.acronym-in-parentheses']);
    expect(found).toContainEqual(['LDC-5', 'entities/rule:en.acronym-repeated']);
  });
  it('never throw on odd input', () => {
    expect(findNamedEntities('', 'fr')).toEqual([]);
    expect(findNamedEntities('Convention', 'xx')).toEqual([]);
    expect(() => findNamedEntities('« ( “ Convention de de de '.repeat(2000), 'fr')).not.toThrow();
  });
});

describe('findNamedEntities: names inside an organisation’s name', () => {
  it('drops a name after an organisation noun and a link word, or (Russian) right after the noun', () => {
    expect(found('le Secrétariat de la Convention de Bâle', 'fr')).toEqual([]);
    expect(found('le Comité du Traité de Bâle sur les déchets', 'fr')).toEqual([]);
    expect(found('le Secrétariat de l’Accord de Paris', 'fr')).toEqual([]);
    expect(found('le Comité des Conventions de Genève', 'fr')).toEqual([]);
    expect(found('the Secretariat of the Basel Convention met', 'en')).toEqual([]);
    expect(found('Комитет по Конвенции о биологическом разнообразии', 'ru')).toEqual([]);
    expect(found('Секретариат о Конвенции о биологическом разнообразии', 'ru')).toEqual([]);
    expect(found('Секретариат Конвенции о биологическом разнообразии', 'ru')).toEqual([]);
  });

  it('keeps the name without the organisation noun', () => {
    expect(found('la Convention de Bâle', 'fr')).toEqual([['instrument', 'Convention de Bâle']]);
    expect(found('члены Договора о коллективной безопасности', 'ru')).toEqual([['instrument', 'Договора о коллективной безопасности']]);
  });
});

describe('persons and resolutions from the offsets headStarts collects (StartGate)', () => {
  it('finds what the indexOf look-ups find, on many random texts (seeded fuzz)', () => {
    const vocab = ['H.E.', 'H. E.', 'Mr.', 'Mrs.', 'M.', 'Mme', 'S.E.', 'Dr', 'President', 'Président', 'Prime Minister', 'Premier ministre', 'King', 'Émir', 'г-н', 'господин',
      'António', 'Guterres', 'Xi', 'Jinping', 'de', 'van', 'Putin', 'resolution', 'Resolution', 'RESOLUTION', 'résolution', 'RÉSOLUTION', 'резолюции', 'Резолюция', '决议', '2231', '78/269', 'A/RES/70/1', 'WHA68.7',
      'n°', 'No.', '№', 'e\u0301', '\u0301', '2', 'x', '𝐓', '’', '-', ',', '.', ' ', ' ', '  ', '\n', 'x'.repeat(151)];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let n = 0; n < 3000; n++) {
      const len = 1 + (next() % 14);
      let text = '';
      for (let k = 0; k < len; k++) text += vocab[next() % vocab.length] + (next() % 3 ? ' ' : '');
      for (const lang of ['fr', 'en', 'ru']) {
        const lex = prepareLexicon(lang)!;
        const gate = startGateFor(lex);
        headStarts(text, lex, lang === 'en', null, gate);
        expect(findPersons(text, lex, lang, gate)).toEqual(findPersons(text, lex, lang));
        expect(findResolutions(text, lang, gate)).toEqual(findResolutions(text, lang));
      }
    }
  });
});

describe('insideOrganisation (its patterns tried only where the text next to the span allows them)', () => {
  /** The patterns alone, on every span: what insideOrganisation answered before its gates. */
  function patternsOnly(text: string, start: number, end: number, lex: PreparedLexicon, lang: string): boolean {
    const before = text.slice(Math.max(0, start - 40), start);
    const m = /(\p{Lu}[\p{L}\-]+)\s+(?:du|de\s+la|de\s+l['’]|des|de|of\s+the|of|по|о)\s*$/u.exec(before);
    if (m && inStemList(lex.nonHeads, foldWord(m[1]))) return true;
    if (lex.openChain) {
      const g = /(\p{Lu}[\p{L}\-]+)\s*$/u.exec(before);
      if (g && inStemList(lex.nonHeads, foldWord(g[1]))) return true;
    }
    if (lang === 'en') {
      const a = /^\s+(\p{Lu}[\p{L}\-]+)/u.exec(text.slice(end, end + 30));
      if (a && inStemList(lex.nonHeads, foldWord(a[1]))) return true;
    }
    return false;
  }

  it('answers as the patterns alone do, on many random texts and spans (seeded fuzz)', () => {
    const vocab = ['Organisation', 'Organization', 'Secrétariat', 'Secretariat', 'Comité', 'Организации', 'Комитет', 'du', 'de la', 'de l’', "de l'", 'des', 'de', 'of the', 'of', 'по', 'о', 'the', 'la', 'Traité',
      'Treaty', 'Convention', 'Договора', 'Xdu', 'ddes', 'Organization-wide', '𝐓reaty', 'e\u0301', ' ', ' ', '  ', '\n', '\u00a0', ',', '.', 'x'.repeat(35)];
    let seed = 99;
    const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
    for (let n = 0; n < 4000; n++) {
      const len = 1 + (next() % 12);
      let text = '';
      for (let k = 0; k < len; k++) text += vocab[next() % vocab.length] + (next() % 3 ? ' ' : '');
      const start = next() % (text.length + 1);
      const end = start + (next() % (text.length - start + 1));
      for (const lang of ['fr', 'en', 'ru']) {
        const lex = prepareLexicon(lang)!;
        expect(insideOrganisation(text, start, end, lex, lang), `${lang} ${JSON.stringify(text)} ${start} ${end}`).toBe(patternsOnly(text, start, end, lex, lang));
      }
    }
  });
});
