import { describe, expect, it } from 'vitest';
import { segmentDocument, readParagraphNumber } from './index.js';

describe('segmentDocument', () => {
  it('makes one paragraph per non-empty line with eIds and offsets into the text', () => {
    const text = 'Title of the Declaration\n\n  We, the Leaders, declare the following.  \nWe welcome the report.\n';
    const ps = segmentDocument(text);
    expect(ps.map((p) => p.eId)).toEqual(['para_1', 'para_2', 'para_3']);
    expect(ps[1].text).toBe('We, the Leaders, declare the following.');
    expect(text.slice(ps[1].start, ps[1].end)).toBe(ps[1].text);
    expect(ps[2].start).toBe(text.indexOf('We welcome'));
  });

  it('classifies titles, datelines, section headings and a trailing stray label by shape', () => {
    const text = [
      'Chairman’s Statement of the 44th ASEAN Summit',
      'Vientiane, Lao PDR, 9 October 2024',
      '1. We, the Member States, gathered in Vientiane.',
      'ASEAN COMMUNITY-BUILDING',
      'II. Security',
      'Les États membres soutiennent les efforts de paix.',
      'Le Hautpanel',
    ].join('\n');
    expect(segmentDocument(text).map((p) => p.kind)).toEqual([
      'heading', 'heading', 'operative', 'heading', 'heading', 'operative', 'fragment',
    ]);
  });

  it('does not take clause lines ending in a comma or starting in lower case for headings', () => {
    const text = 'Мы, члены Высшего совета,\nучитывая тесные связи между нашими странами,\nзаявляем о нижеследующем:';
    expect(segmentDocument(text).map((p) => p.kind)).toEqual(['operative', 'operative', 'operative']);
  });

  it('splits a file with no line breaks into paragraphs of whole sentences', () => {
    const sentence = 'The Member States reaffirm their commitment to peace and security in the region. ';
    const text = sentence.repeat(200).trim();
    const ps = segmentDocument(text);
    expect(ps.length).toBeGreaterThan(5);
    for (const p of ps) {
      expect(p.text.endsWith('.')).toBe(true);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    }
    expect(ps.map((p) => p.text).join(' ')).toBe(text);
  });

  it('reads the paragraph numbers printed in the source', () => {
    expect(readParagraphNumber('12. We note')).toBe('12');
    expect(readParagraphNumber('(a) the parties')).toBe('a');
    expect(readParagraphNumber('IV. Economy')).toBe('IV');
    expect(readParagraphNumber('一、共同应对挑战')).toBe('一');
    expect(readParagraphNumber('2.新冠肺炎大流行')).toBe('2');
    expect(readParagraphNumber('We note')).toBeNull();
  });
});
