import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBytes, analyzeText } from '../../src/analyze.js';
import { buildAkn } from '../../src/export/akn/index.js';
import { readAkn } from '../../src/export/akn/readAkn.js';
import { validateAkn, AKN_SCHEMA_PATH } from '../../src/export/akn/validate.js';
import { FORMATTERS } from '../../src/export/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Analysis, Paragraph } from '../../src/types.js';

const gold = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'test/fixtures/gold/sco-2024-astana.fr.json'), 'utf8')) as Analysis;
const exampleText = readFileSync(join(PACKAGE_ROOT, 'examples/sco-2024-astana.fr.txt'), 'utf8');
const goldXml = buildAkn(gold, { exportDate: '2026-01-15' });

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function paragraph(n: number, text: string, extra: Partial<Paragraph> = {}): Paragraph {
  return {
    n, eId: `para_${n}`, kind: 'operative', text,
    subject: { scope: 'none', states: [], qualifier: null, text: null },
    actions: [], commitment: false, commitments: 0, entities: [], proposals: [], topics: [], ...extra,
  };
}

describe('Akoma Ntoso export', () => {
  it('is registered as the akn format', () => {
    expect(FORMATTERS.akn).toBeTypeOf('function');
  });

  it('validates against the OASIS schema (in-process, libxml2-wasm)', async () => {
    expect(await validateAkn(goldXml)).toEqual([]);
  });

  it.runIf(hasXmllint())('validates with xmllint --schema too', () => {
    const out = execFileSync('xmllint', ['--noout', '--schema', AKN_SCHEMA_PATH, '-'], { input: goldXml, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });

  it('fails validation for an invalid document (the check can fail)', async () => {
    // A date that is not an xsd:date, an element the schema does not know, a missing mainBody.
    const badDate = goldXml.replace('date="2024-07-04">', 'date="4 juillet 2024">');
    expect(badDate).not.toBe(goldXml);
    expect((await validateAkn(badDate)).join('\n')).toMatch(/date/);
    const unknownElement = goldXml.replace('<mainBody>', '<mainBody><declaration/>');
    expect((await validateAkn(unknownElement)).length).toBeGreaterThan(0);
    const noBody = goldXml.replace(/<mainBody>.*<\/mainBody>/s, '');
    expect((await validateAkn(noBody)).join('\n')).toMatch(/mainBody/);
    expect((await validateAkn('<akomaNtoso'))[0]).toMatch(/not well-formed/);
  });

  it('writes FRBR identification with work, expression and manifestation IRIs', () => {
    expect(goldXml).toContain('<statement name="declaration">');
    expect(goldXml).toContain('<FRBRuri value="/akn/int/statement/declaration/sco-hsc/2024-07-04/astana"/>');
    expect(goldXml).toContain('<FRBRuri value="/akn/int/statement/declaration/sco-hsc/2024-07-04/astana/fra@"/>');
    expect(goldXml).toContain('<FRBRlanguage language="fra"/>');
    expect(goldXml).toContain('<FRBRdate date="2026-01-15" name="generation"/>');
  });

  it('has a TLC entry for every canonical id used, of the right class', () => {
    const refs = new Map<string, string>();
    for (const p of gold.paragraphs) for (const e of p.entities) if (e.ref) refs.set(e.ref, e.type);
    expect(refs.size).toBeGreaterThan(20);
    const cls: Record<string, string> = { state: 'TLCOrganization', organization: 'TLCOrganization', place: 'TLCLocation' };
    for (const [ref, type] of refs) {
      expect(goldXml, `${type} ${ref}`).toMatch(new RegExp(`<${cls[type]} eId="[^"]*" href="[^"]*/${ref}"`));
    }
    for (const t of new Set(gold.paragraphs.flatMap((p) => p.topics))) expect(goldXml).toContain(`<TLCConcept eId="topic-${t}"`);
    expect(goldXml).toMatch(/<TLCEvent /);
    expect(goldXml).toMatch(/<TLCReference [^>]*name="instrument"/);
  });

  it('puts the proclamation in the preamble and one <paragraph> per operative paragraph', () => {
    const operative = gold.paragraphs.filter((p) => p.kind === 'operative').length;
    expect(goldXml.match(/<paragraph eId="para_\d+">/g)?.length).toBe(operative);
    // Gold paragraph 1 ("… déclarez ce qui suit") is the proclamation, 2 a context paragraph.
    expect(goldXml).toMatch(/<preamble><formula eId="para_1" name="proclamation"><p>Les dirigeants/);
    expect(goldXml).toMatch(/<recitals><recital eId="para_2"><p>Des changements/);
    // The trailing fragment stays in the body, in order.
    expect(goldXml).toMatch(/<hcontainer eId="para_121" name="fragment">/);
  });

  it('marks entities inline with refersTo, date values and instrument refs', () => {
    expect(goldXml).toContain('<organization eId="para_1__organization_1" refersTo="#sco">Organisation de coopération de Shanghai</organization>');
    expect(goldXml).toContain('<location eId="para_1__location_1" refersTo="#astana">Astana</location>');
    expect(goldXml).toContain('<date eId="para_1__date_1" date="2024-07-04">4 juillet 2024</date>');
    expect(goldXml).toMatch(/<ref eId="para_\d+__ref_1" href="[^"]+" refersTo="#[^"]+">/);
    expect(goldXml).toMatch(/<event eId="para_\d+__event_1" refersTo="#/);
    const inline = (goldXml.match(/<(organization|location|date|event|ref|concept|person|span) eId="para_/g) ?? []).length;
    const entities = gold.paragraphs.reduce((n, p) => n + p.entities.length, 0);
    // Every gold entity is marked up unless it crosses another's boundary.
    expect(inline).toBeGreaterThanOrEqual(entities * 0.97);
  });

  it('reads its own AKN back into exactly the same analysis (lossless)', () => {
    expect(readAkn(goldXml)).toEqual(gold);
  });

  it('keeps numbers, nested and crossing entities, nulls, facts and messages through the round trip', async () => {
    const P2 = '1. The Parties welcome the Treaty on Friendship of the Shanghai Organisation, signed in Astana, until 2030 & beyond <ok>.';
    const at = (w: string) => ({ start: P2.indexOf(w), end: P2.indexOf(w) + w.length });
    const a: Analysis = {
      schemaVersion: '1',
      document: { id: 'x-2025-city', language: 'en', organization: null, title: null, date: null, place: null, source: null, paragraphCount: 3, members: ['KZ', 'CN'] },
      paragraphs: [
        paragraph(1, 'FINAL DECLARATION', { kind: 'heading', num: null }),
        paragraph(2, P2, {
          num: '1',
          subject: { scope: 'all', states: [], qualifier: null, text: 'The Parties', ...at('The Parties') },
          actions: [{ category: 'welcome', text: 'welcome', ...at('welcome'), rule: 'actions/lexicon:en.welcome', negated: false }],
          commitment: true, commitments: 1, commitmentRule: 'commitment/x', topics: ['security'],
          entities: [
            { type: 'instrument', text: 'Treaty on Friendship of the Shanghai Organisation', ...at('Treaty on Friendship of the Shanghai Organisation'), ref: null },
            { type: 'organization', text: 'Shanghai Organisation', ...at('Shanghai Organisation'), ref: 'sco' },
            { type: 'place', text: 'Astana, until', ...at('Astana, until'), ref: 'astana' },
            // Crosses the place above: kept in the Concord data, left out of the inline markup.
            { type: 'date', text: 'until 2030', ...at('until 2030'), value: '../2030' },
            { type: 'date', text: '2030', ...at('2030'), value: '2030' },
          ],
          proposals: [{ proposer: 'KZ', text: 'x', stance: 'support' }],
        }),
        paragraph(3, '(b)  Two spaces after the number.', { num: 'b', language: 'fr' }),
      ],
      messages: [{ severity: 'warning', stage: 'segment', ruleId: 'segment/x', message: 'a "quoted" <message>\non two\tlines', eId: 'para_2' }],
      facts: [{ kind: 'body-created', eId: 'para_2', start: 0, end: 5, text: '1. Th', nested: { a: [1, 2] } }],
    };
    const xml = buildAkn(a, { exportDate: '2026-01-15' });
    expect(await validateAkn(xml)).toEqual([]);
    expect(xml).toContain('<paragraph eId="para_2"><num>1.</num><content><p>The Parties');
    // Two spaces after "(b)": the number is not split off, so the text stays exact.
    expect(xml).toContain('<paragraph eId="para_3"><content><p>(b)  Two spaces');
    expect(xml).toContain('until</location> <span eId="para_2__span_1" class="date" concord:value="2030">2030</span> &amp; beyond &lt;ok&gt;.');
    expect(xml).toContain('<ref eId="para_2__ref_1" href="/akn/ontology/references/instruments/concord/unresolved/treaty-on-friendship-of-the-shanghai-organisation" refersTo="#instrument-treaty-on-friendship-of-the-shanghai-organisation">Treaty on Friendship of the <organization eId="para_2__organization_1" refersTo="#sco">Shanghai Organisation</organization></ref>');
    expect(readAkn(xml)).toEqual(a);
    // No raw tab or line break inside an attribute (XML parsers would turn them into spaces).
    expect(xml).not.toMatch(/="[^"]*[\t\n\r][^"]*"/);
  });

  it('round-trips through the AKN importer: analysing the exported AKN gives the same analysis as the text', async () => {
    const fromText = analyzeText(exampleText, { filename: 'sco-2024-astana.fr.txt' });
    const xml = buildAkn(fromText, { exportDate: '2026-01-15' });
    expect(await validateAkn(xml)).toEqual([]);
    const fromAkn = await analyzeBytes(new TextEncoder().encode(xml), { filename: 'sco-2024-astana.fr.txt' });
    const strip = (an: Analysis) => ({
      document: { ...an.document, contentHash: undefined, length: undefined },
      paragraphs: an.paragraphs.map(({ start: _s, end: _e, ...p }) => p),
      facts: an.facts?.map((f) => ({ ...f })),
    });
    expect(fromAkn.paragraphs.length).toBe(fromText.paragraphs.length);
    expect(strip(fromAkn).paragraphs).toEqual(strip(fromText).paragraphs);
    expect(strip(fromAkn).document).toEqual(strip(fromText).document);
  });

  it('imports another producer\'s AKN: one block per <p>, white space collapsed, <num> kept', async () => {
    const { ingestAkn } = await import('../../src/ingest/akn/ingestAkn.js');
    const xml = `<?xml version="1.0"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <doc name="resolution">
    <meta><identification source="#x"><FRBRWork><FRBRthis value="/a"/><FRBRuri value="/a"/><FRBRdate date="2020-01-01" name="x"/><FRBRauthor href="#x"/><FRBRcountry value="int"/><FRBRname value="A Resolution"/></FRBRWork></identification></meta>
    <preamble>
      <p>Recalling its earlier
         resolutions,</p>
    </preamble>
    <mainBody>
      <paragraph eId="sec_1__para_1">
        <num>1.</num>
        <content><p>Decides to act.</p></content>
      </paragraph>
      <paragraph eId="sec_1__para_2"><num>(b)</num><content><p>Requests a report.</p><p>Second block.</p></content></paragraph>
    </mainBody>
  </doc>
</akomaNtoso>`;
    const r = ingestAkn(new TextEncoder().encode(xml));
    expect(r.title).toBe('A Resolution');
    expect(r.text.split('\n')).toEqual(['Recalling its earlier resolutions,', '1. Decides to act.', '(b) Requests a report.', 'Second block.']);
    expect(r.blocks.map((b) => b.num)).toEqual([null, '1', 'b', null]);
  });

  it('is valid and lossless for real Chinese and Russian declarations analysed now', async () => {
    for (const name of ['g20-2020-riyadh.zh.txt', 'eaeu-2020-covid-statement.ru.txt']) {
      const a = analyzeText(readFileSync(join(PACKAGE_ROOT, 'examples/dev', name), 'utf8'), { filename: name });
      const xml = buildAkn(a, { exportDate: '2026-01-15' });
      expect(await validateAkn(xml), name).toEqual([]);
      expect(xml).toContain(`<FRBRlanguage language="${name.includes('.zh.') ? 'zho' : 'rus'}"/>`);
      // JSON round trip first: the analysis may hold `undefined` fields that JSON (and AKN) drop.
      expect(readAkn(xml), name).toEqual(JSON.parse(JSON.stringify(a)));
    }
  });

  it('does not expand entities declared in a DOCTYPE (no "billion laughs")', async () => {
    const { ingestAkn } = await import('../../src/ingest/akn/ingestAkn.js');
    let dtd = '<!ENTITY l0 "lol">';
    for (let k = 1; k <= 9; k++) dtd += `<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`;
    const xml = `<?xml version="1.0"?><!DOCTYPE akomaNtoso [${dtd}]><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody><p>&l9;</p></mainBody></doc></akomaNtoso>`;
    const r = ingestAkn(new TextEncoder().encode(xml));
    expect(r.text.length).toBeLessThan(100);
  });
});
