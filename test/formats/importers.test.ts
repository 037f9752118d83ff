import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { Document, Packer, Paragraph, TextRun, LevelFormat, AlignmentType } from 'docx';
import { PDFDocument, rgb } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBytes } from '../../src/analyze.js';
import { ingestBytes, UnreadableInputError } from '../../src/ingest/index.js';
import { ingestDocx } from '../../src/ingest/docx/ingestDocx.js';
import { ingestHtml } from '../../src/ingest/html/ingestHtml.js';
import { ingestPdf, NO_TEXT_LAYER } from '../../src/ingest/pdf/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { Analysis } from '../../src/types.js';
import { makePdf } from './support/makePdf.js';

const EXAMPLE = join(PACKAGE_ROOT, 'examples/sco-2024-astana.fr.txt');
const exampleBytes = new Uint8Array(readFileSync(EXAMPLE));
/** The example's paragraphs as the text file has them: one per non-empty line. */
const lines = readFileSync(EXAMPLE, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page carrying the example, with the usual noise around it. */
function noisyHtml(paragraphs: string[]): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Déclaration d’Astana | Site officiel</title>
<style>body { font-family: serif } .menu li { display: inline }</style>
<script>window.analytics = { track: function () { return "Accueil Actualités"; } };</script></head>
<body><header class="site"><a class="logo" href="/">Ministère</a><nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/actualites">Actualités</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div class="cookie">Ce site utilise des cookies. <button>Accepter</button></div>
<div id="page"><aside class="sidebar"><h3>À lire aussi</h3><ul><li><a href="/a">Sommet de Douchanbé</a></li><li><a href="/b">Réunion des ministres</a></li></ul></aside>
<div class="article-body">
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div></div>
<footer><p>© 2024 Ministère des Affaires étrangères. Tous droits réservés.</p><p><a href="/mentions">Mentions légales</a> · <a href="/plan">Plan du site</a></p></footer>
<script>document.querySelector('.cookie').remove();</script></body></html>`;
}

async function exampleDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Share of the text file's paragraphs found, word for word, among the imported ones. */
function matchedShare(paragraphs: string[]): number {
  const pool = new Map<string, number>();
  for (const p of paragraphs) pool.set(p, (pool.get(p) ?? 0) + 1);
  let hit = 0;
  for (const l of lines) {
    const n = pool.get(l) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(l, n - 1);
    }
  }
  return hit / lines.length;
}

/** What must be equal between two imports of one text: everything but offsets, source file facts and the title. */
function comparable(a: Analysis) {
  const { contentHash: _h, length: _l, source: _s, title: _t, ...document } = a.document;
  return {
    document,
    paragraphs: a.paragraphs.map(({ start: _a, end: _b, ...p }) => p),
    facts: (a.facts ?? []).map((f) => ({ ...f })),
  };
}

function expectRefused(f: () => unknown, pattern: RegExp): Promise<void> {
  return Promise.resolve()
    .then(f)
    .then(
      () => { throw new Error('expected an UnreadableInputError'); },
      (e: unknown) => {
        expect(e).toBeInstanceOf(UnreadableInputError);
        expect((e as Error).message).toMatch(pattern);
      },
    );
}

describe('acceptance: the example as TXT, HTML, DOCX and PDF gives the same paragraphs and analysis', () => {
  let fromTxt: Analysis;
  beforeAll(async () => {
    fromTxt = await analyzeBytes(exampleBytes, { filename: 'sco-2024-astana.fr.txt' });
  });

  it('TXT is the reference: one paragraph per line', () => {
    expect(fromTxt.paragraphs.map((p) => p.text)).toEqual(lines);
  });

  it('HTML with navigation, header, sidebar, cookie banner, scripts and footer', async () => {
    const bytes = new TextEncoder().encode(noisyHtml(lines));
    const ingested = await ingestBytes(bytes, { filename: 'declaration.html' });
    expect(ingested.format).toBe('html');
    const paras = ingested.text.split('\n');
    expect(matchedShare(paras)).toBeGreaterThanOrEqual(0.99);
    expect(ingested.text).not.toMatch(/Accueil|Tous droits|cookies|Mentions légales|analytics|font-family|À lire aussi/);
    const a = await analyzeBytes(bytes, { filename: 'sco-2024-astana.fr.html' });
    expect(comparable(a)).toEqual(comparable(fromTxt));
  });

  it('DOCX written by the docx library', async () => {
    const bytes = await exampleDocx();
    const ingested = await ingestBytes(bytes, { filename: 'declaration.docx' });
    expect(ingested.format).toBe('docx');
    expect(matchedShare(ingested.text.split('\n'))).toBeGreaterThanOrEqual(0.99);
    const a = await analyzeBytes(bytes, { filename: 'sco-2024-astana.fr.docx' });
    expect(comparable(a)).toEqual(comparable(fromTxt));
  });

  it('PDF written by pdf-lib (running header, page numbers, hyphenated line ends)', async () => {
    const bytes = await makePdf(lines, { header: 'Déclaration d’Astana — Organisation de coopération de Shanghai' });
    const ingested = await ingestBytes(bytes, { filename: 'declaration.pdf' });
    expect(ingested.format).toBe('pdf');
    expect(matchedShare(ingested.text.split('\n'))).toBeGreaterThanOrEqual(0.99);
    expect(ingested.text).not.toMatch(/Déclaration d’Astana — Organisation/);
    const a = await analyzeBytes(bytes, { filename: 'sco-2024-astana.fr.pdf' });
    expect(comparable(a)).toEqual(comparable(fromTxt));
  });

  it('PDF in two columns keeps the reading order (ragged, and justified word by word with indents and no paragraph spacing)', async () => {
    for (const layout of [{ columns: 2 as const }, { columns: 2 as const, justify: true, indent: 12, paragraphGap: 0 }]) {
      const bytes = await makePdf(lines, { header: 'OCS — Sommet d’Astana', ...layout });
      const ingested = await ingestPdf(bytes);
      expect(matchedShare(ingested.text.split('\n')), JSON.stringify(layout)).toBeGreaterThanOrEqual(0.99);
      // Order: the matched paragraphs come in the text file's order.
      const order = ingested.text.split('\n').map((p) => lines.indexOf(p)).filter((i) => i >= 0);
      expect(order).toEqual([...order].sort((x, y) => x - y));
    }
  });

  it('PDF justified word by word with first-line indents and no paragraph spacing', async () => {
    const bytes = await makePdf(lines, { justify: true, indent: 18, paragraphGap: 0 });
    const ingested = await ingestPdf(bytes);
    expect(matchedShare(ingested.text.split('\n'))).toBeGreaterThanOrEqual(0.99);
  });
});

describe('paragraph numbers in the source become the paragraph num', () => {
  it('reads "1.", "12)", "(a)", "I." from the text and <ol> numbers from the markup', async () => {
    const html = `<html><body><main>
<p>1. The Parties agree on the first point.</p><p>12) The Parties agree on another point.</p>
<p>(a) A lettered point follows here.</p><p>I. A Roman numbered section follows here.</p>
<ol type="a" start="3"><li>Third lettered item in a list.</li><li value="7">Seventh item with an explicit value.</li></ol>
<ol type="I"><li>First Roman item.</li><li>Second Roman item.</li></ol>
</main></body></html>`;
    const a = await analyzeBytes(new TextEncoder().encode(html), { filename: 'n.html', facts: false });
    expect(a.paragraphs.map((p) => p.num)).toEqual(['1', '12', 'a', 'I', 'c', 'g', 'I', 'II']);
  });

  it('reads Word automatic numbering, with its formats, as num (DOCX)', async () => {
    const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: 0, format, text, alignment: AlignmentType.START });
    const doc = new Document({
      numbering: { config: [
        { reference: 'n', levels: [level(LevelFormat.DECIMAL, '%1.')] },
        { reference: 'r', levels: [level(LevelFormat.UPPER_ROMAN, '%1.')] },
        { reference: 'l', levels: [level(LevelFormat.LOWER_LETTER, '(%1)')] },
      ] },
      sections: [{ children: [
        new Paragraph({ children: [new TextRun('Heading of the text')] }),
        new Paragraph({ numbering: { reference: 'n', level: 0 }, children: [new TextRun('First numbered paragraph.')] }),
        new Paragraph({ numbering: { reference: 'n', level: 0 }, children: [new TextRun('Second numbered paragraph.')] }),
        new Paragraph({ numbering: { reference: 'r', level: 0 }, children: [new TextRun('A Roman section.')] }),
        new Paragraph({ numbering: { reference: 'r', level: 0 }, children: [new TextRun('Another Roman section.')] }),
        new Paragraph({ numbering: { reference: 'l', level: 0 }, children: [new TextRun('A lettered point.')] }),
        new Paragraph({ numbering: { reference: 'l', level: 0 }, children: [new TextRun('Another lettered point.')] }),
        new Paragraph({ children: [new TextRun('12) Typed number.')] }),
      ] }],
    });
    const r = await ingestDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(r.text.split('\n')).toEqual(['Heading of the text', 'First numbered paragraph.', 'Second numbered paragraph.', 'A Roman section.', 'Another Roman section.', 'A lettered point.', 'Another lettered point.', '12) Typed number.']);
    expect(r.blocks.map((b) => b.num)).toEqual([null, '1', '2', 'I', 'II', 'a', 'b', null]);
  });
});

describe('HTML importer details', () => {
  it('takes the title from the content\'s <h1> (not the site-laden <title>) and keeps the heading as a paragraph', () => {
    const body = lines.slice(0, 6).map((l) => `<p>${esc(l)}</p>`).join('');
    const r = ingestHtml(new TextEncoder().encode(`<html><head><title>Declaration | Ministry site</title></head><body><nav><a href="/">Home</a></nav><div class="c"><h1>Astana Declaration</h1>${body}</div><footer>(c) Ministry</footer></body></html>`));
    expect(r.title).toBe('Astana Declaration');
    expect(r.text.split('\n')).toEqual(['Astana Declaration', ...lines.slice(0, 6)]);
  });

  it('splits on <br><br>, joins single <br>, drops scripts and styles inside the content', () => {
    const r = ingestHtml(new TextEncoder().encode('<html><body><article><p>One line<br>continued.<br><br>Second paragraph.</p><script>var x = 1;</script><style>p{}</style><p>Third &amp; last.</p></article></body></html>'));
    expect(r.text.split('\n')).toEqual(['One line continued.', 'Second paragraph.', 'Third & last.']);
  });
});

/** A minimal ZIP with one deflated entry (local header + central directory + end record). */
function zipWith(name: string, data: Uint8Array, declaredSize?: number): Uint8Array {
  const comp = deflateRawSync(data);
  const nameBytes = new TextEncoder().encode(name);
  const local = Buffer.alloc(30 + nameBytes.length);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
  local.writeUInt32LE(comp.length, 18); local.writeUInt32LE(declaredSize ?? data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
  Buffer.from(nameBytes).copy(local, 30);
  const central = Buffer.alloc(46 + nameBytes.length);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
  central.writeUInt32LE(comp.length, 20); central.writeUInt32LE(declaredSize ?? data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
  Buffer.from(nameBytes).copy(central, 46);
  const end = Buffer.alloc(22);
  const cdOffset = local.length + comp.length;
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12); end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, comp, central, end]));
}

describe('refusals: zip bombs, oversized, malformed, scanned', () => {
  it('refuses a ZIP bomb before inflating it (ratio)', async () => {
    const bomb = zipWith('word/document.xml', new Uint8Array(40 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expectRefused(() => ingestDocx(bomb, { filename: 'x.docx' }), /ZIP bomb/);
  });

  it('refuses a DOCX whose declared sizes add up to too much', async () => {
    const lying = zipWith('word/document.xml', new TextEncoder().encode('<w:document/>'), 0x7fffffff);
    await expectRefused(() => ingestDocx(lying, { filename: 'x.docx' }), /ZIP bomb/);
  });

  it('refuses malformed DOCX files and ZIPs that are not Word documents', async () => {
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not really a zip file at all')]);
    await expectRefused(() => ingestBytes(garbage, { filename: 'x.docx' }), /not a readable DOCX/);
    const notWord = zipWith('content.xml', new TextEncoder().encode('<x/>'));
    await expectRefused(() => ingestDocx(notWord), /not a Word document/);
  });

  it('refuses oversized files in every importer', async () => {
    const docx = await exampleDocx();
    await expectRefused(() => ingestDocx(docx, { maxBytes: 1000 }), /over the limit/);
    await expectRefused(() => ingestHtml(new TextEncoder().encode(noisyHtml(lines)), { maxBytes: 1000 }), /over the limit/);
    const pdf = await makePdf(lines.slice(0, 3));
    await expectRefused(() => ingestPdf(pdf, { maxBytes: 1000 }), /over the limit/);
  });

  it('refuses a PDF with no text layer with the OCR message', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
    const bytes = await doc.save();
    await expectRefused(() => ingestBytes(bytes, { filename: 'scan.pdf' }), new RegExp(NO_TEXT_LAYER.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('refuses a truncated PDF as unreadable', async () => {
    const bytes = await makePdf(lines.slice(0, 5));
    await expectRefused(() => ingestPdf(bytes.subarray(0, 300)), /PDF/);
  });

  it('refuses malformed Akoma Ntoso XML', async () => {
    const bad = new TextEncoder().encode('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement><p>unclosed</statement>');
    await expectRefused(() => ingestBytes(bad, { filename: 'x.akn.xml' }), /not well-formed/);
  });
});

describe('HTML character sets', () => {
  it('reads a windows-1251 page by its <meta charset>, and UTF-8 whatever the label says', () => {
    const text = 'Государства-члены поддерживают';
    // Windows-1251 puts А–я (U+0410–U+044F) at 0xC0–0xFF; the hyphen and space are ASCII.
    const cp1251 = [...text].map((c) => (c.charCodeAt(0) >= 0x410 && c.charCodeAt(0) <= 0x44f ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0)));
    const head = new TextEncoder().encode('<html><head><meta charset="windows-1251"></head><body><main><p>');
    const tail = new TextEncoder().encode('</p></main></body></html>');
    const bytes = new Uint8Array([...head, ...cp1251, ...tail]);
    expect(ingestHtml(bytes).text).toBe(text);
    const mislabelled = new TextEncoder().encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body><main><p>${text}</p></main></body></html>`);
    expect(ingestHtml(mislabelled).text).toBe(text);
  });
});
