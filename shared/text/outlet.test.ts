import { describe, expect, it } from 'vitest';
import { outletFromHost, outletName, outletShortName } from './outlet';
import { authorsFromByline, factsFromJsonLd, language } from './newsMetadata';
import { StructureBuilder } from '../structure/builder';
import { structureProblem } from '../structure/validate';
import { layoutPdf } from '../structure/pdfLayout';

describe('outlet short names', () => {
  it('shortens site names, publishers and hosts to what editors call them', () => {
    expect(outletShortName('Los Angeles Times')).toBe('LA Times');
    expect(outletShortName('Newsmax | Politics')).toBe('Newsmax');
    expect(outletShortName('The Harbour Gazette – Local news since 1921')).toBe(
      'The Harbour Gazette',
    );
    expect(outletShortName('Example Media, Inc.')).toBe('Example Media');
    expect(outletShortName('www.nytimes.com')).toBe('New York Times');
    expect(outletFromHost('news.bbc.co.uk')).toBe('BBC');
    expect(outletFromHost('www.eastmouth-echo.co.uk')).toBe('Eastmouth Echo');
    expect(outletShortName('x'.repeat(80))).toBeNull();
  });

  it('names a source by its outlet, else by its address, else not at all', () => {
    expect(outletName({ source: 'Newsmax', url: 'https://www.cnn.com/a' })).toBe('Newsmax');
    expect(outletName({ source: null, url: 'https://www.cnn.com/a' })).toBe('CNN');
    expect(outletName({ source: '  ', url: null })).toBeNull();
  });
});

describe('source facts', () => {
  it('reads NewsArticle JSON-LD from a @graph and skips broken blocks', () => {
    const facts = factsFromJsonLd([
      '{ not json',
      JSON.stringify({
        '@graph': [
          { '@type': 'WebPage' },
          {
            '@type': ['NewsArticle'],
            headline: ' Ships  queue ',
            author: [{ name: 'A. Writer' }, 'Bo Reporter'],
            publisher: { name: 'Gazette' },
            datePublished: '2017-09-21T08:00:00Z',
            url: 'https://gazette.example/ships',
            inLanguage: 'en-gb',
          },
        ],
      }),
    ]);
    expect(facts).toEqual({
      title: 'Ships queue',
      authors: ['A. Writer', 'Bo Reporter'],
      publisher: 'Gazette',
      date: '2017-09-21',
      url: 'https://gazette.example/ships',
      language: 'en-GB',
    });
  });

  it('splits bylines into names and ignores non-bylines', () => {
    expect(authorsFromByline('By Maria Lopez and Tom Okafor, Reuters')).toEqual([
      'Maria Lopez',
      'Tom Okafor',
    ]);
    expect(authorsFromByline('By Jean-Luc O’Neill | Updated 5 May')).toEqual(['Jean-Luc O’Neill']);
    expect(authorsFromByline('the mayor said on Tuesday that the bridge would close')).toEqual([]);
    expect(language('fr_CA')).toBe('fr-CA');
  });
});

describe('StructureBuilder', () => {
  it('applies canonical rules per line and keeps marks on the right characters', () => {
    const b = new StructureBuilder();
    b.begin({ type: 'heading', level: 2 });
    b.text('  Cost\tof the  strike ');
    b.end();
    b.begin({ type: 'paragraph' });
    b.text(' It cost ');
    const close = b.mark('bold');
    b.text(' £3.2 million ');
    close();
    b.text(' in   fees.');
    b.lineBreak();
    b.text('Second line.');
    b.end();
    b.begin({ type: 'paragraph' });
    b.text('   ');
    b.end();
    const { text, structure } = b.finish();
    expect(text).toBe('Cost of the strike\nIt cost £3.2 million in fees.\nSecond line.');
    expect(structureProblem(text, structure)).toBeNull();
    const m = structure.blocks[1]!.marks![0]!;
    expect(text.split('\n')[1]!.slice(m.start, m.end)).toBe('£3.2 million');
    expect(structure.blocks.map((x) => x.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });
});

describe('PDF layout', () => {
  it('puts a full-width headline first, then the left column, then the right one', () => {
    const item = (str: string, x: number, y: number, size = 10) => ({
      str,
      x,
      y,
      width: str.length * size * 0.5,
      size,
    });
    const built = layoutPdf([
      {
        number: 3,
        width: 600,
        height: 800,
        items: [
          item('Right column first line', 320, 700),
          item('Left column first line', 50, 700),
          item('A headline across both columns', 50, 750, 20),
          item('Right column second line.', 320, 686),
          item('Left column second line.', 50, 686),
        ],
      },
    ]);
    expect(built.text).toBe(
      'A headline across both columns\nLeft column first line Left column second line.\nRight column first line Right column second line.',
    );
    expect(built.structure.blocks.map((b) => [b.type, b.page])).toEqual([
      ['heading', 3],
      ['paragraph', 3],
      ['paragraph', 3],
    ]);
  });
});
