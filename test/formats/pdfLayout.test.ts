import { describe, expect, it } from 'vitest';
import { buildParagraphs, orderPageLines, removePageFurniture, type PdfLine } from '../../src/ingest/pdf/layout.js';

const line = (page: number, y: number, text: string, x0 = 60, x1 = 530): PdfLine => ({ page, x0, x1, y, size: 11, text });

describe('PDF layout repair', () => {
  it('undoes line-end hyphenation but keeps compounds written with a hyphen elsewhere', () => {
    const lines = [
      line(1, 700, 'Les États membres soutiennent le développement socio-'),
      line(1, 686, 'économique et la coopération écono-'),
      line(1, 672, 'mique, y compris le développement socio-économique', 60, 400),
    ];
    const [p] = buildParagraphs(lines);
    expect(p.text).toBe('Les États membres soutiennent le développement socio-économique et la coopération économique, y compris le développement socio-économique');
  });

  it('starts paragraphs at vertical gaps, at short sentence-ending lines and at printed numbers', () => {
    const lines = [
      line(1, 700, '1. The Parties agree that the text runs over'),
      line(1, 686, 'two lines.', 60, 120),
      line(1, 672, 'Next paragraph after a short line, which runs'),
      line(1, 658, 'on.', 60, 80),
      line(1, 630, 'After a gap.', 60, 530),
      line(1, 616, '2. A numbered one right below a full line.'),
    ];
    expect(buildParagraphs(lines).map((p) => p.text)).toEqual([
      '1. The Parties agree that the text runs over two lines.',
      'Next paragraph after a short line, which runs on.',
      'After a gap.',
      '2. A numbered one right below a full line.',
    ]);
  });

  it('continues a paragraph across a page break when the sentence runs on', () => {
    const lines = [
      line(1, 114, 'The Parties recall the decisions taken at the previous'),
      line(1, 100, 'summit and welcome the outcome of the meeting of'),
      line(2, 780, 'the Council held in June.', 60, 200),
      line(2, 752, 'Another paragraph, set after a blank line, that runs'),
      line(2, 738, 'over two lines.', 60, 200),
    ];
    expect(buildParagraphs(lines).map((p) => p.text)).toEqual([
      'The Parties recall the decisions taken at the previous summit and welcome the outcome of the meeting of the Council held in June.',
      'Another paragraph, set after a blank line, that runs over two lines.',
    ]);
  });

  it('drops running headers, footers and page numbers but keeps body lines', () => {
    const page = (n: number): PdfLine[] => [
      line(n, 807, 'Joint Statement of the Leaders — 2024'),
      line(n, 700, `Body text of page ${n}.`),
      line(n, 686, 'Shared body sentence that is not furniture.'),
      line(n, 30, n % 2 ? `Page ${n} of 3` : `- ${n} -`),
    ];
    const out = removePageFurniture([page(1), page(2), page(3)]);
    expect(out.flat().map((l) => l.text)).toEqual([
      'Body text of page 1.', 'Shared body sentence that is not furniture.',
      'Body text of page 2.', 'Shared body sentence that is not furniture.',
      'Body text of page 3.', 'Shared body sentence that is not furniture.',
    ]);
  });

  it('reads two columns left then right, with a full-width title first', () => {
    const lines: PdfLine[] = [line(1, 800, 'TITLE SPANNING BOTH COLUMNS OF THE PAGE', 60, 530)];
    for (let k = 0; k < 5; k++) {
      lines.push(line(1, 760 - k * 14, `right ${k}`, 310, 530));
      lines.push(line(1, 760 - k * 14, `left ${k}`, 60, 280));
    }
    expect(orderPageLines(lines).map((l) => l.text)).toEqual([
      'TITLE SPANNING BOTH COLUMNS OF THE PAGE',
      'left 0', 'left 1', 'left 2', 'left 3', 'left 4',
      'right 0', 'right 1', 'right 2', 'right 3', 'right 4',
    ]);
  });
});
