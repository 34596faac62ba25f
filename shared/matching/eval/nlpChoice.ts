/**
 * Which NLP library types figures best (issue 7: "measure before you choose"). Three candidates
 * that ship their data in the npm package, on the same labelled figures:
 *  - wink-nlp + its English lite model, as used by frames.ts (what the app ships);
 *  - compromise 14 (its own tags: Money, Percent, Date, Year, Unit…);
 *  - Microsoft Recognizers-Text (number, number-with-unit, date-time).
 * Each figure of the labelled sentences has the class an editor means: a head count, a date or
 * time, money, a measure, a percentage or an age. A library is right when the span it puts the
 * figure in gets that class (the small mappings below only translate each library's own labels).
 * Speed is per line on real ECB+ lines that state a figure. Not part of the app; eval only.
 */
import nlp from 'compromise';
import * as Units from '@microsoft/recognizers-text-number-with-unit';
import * as DateTime from '@microsoft/recognizers-text-date-time';
import * as Numbers from '@microsoft/recognizers-text-number';
import { extractFrames, type FrameType } from '../frames';

export type FigureClass = 'count' | 'date' | 'money' | 'measure' | 'percent' | 'age';

/** [sentence, [figure as written, class][]]: figures are found by their first occurrence. */
export const LABELLED: [string, [string, FigureClass][]][] = [
  [
    'The blast ripped through the market, killing 10 people and injuring 80.',
    [
      ['10', 'count'],
      ['80', 'count'],
    ],
  ],
  ['The tsunami left a death toll of 170,000 around the Indian Ocean.', [['170,000', 'count']]],
  ['About 220,000 people died in the tsunami.', [['220,000', 'count']]],
  [
    'The Times said 167 arrests were made in and around Los Angeles, while 107 more arrests were made in Philadelphia.',
    [
      ['167', 'count'],
      ['107', 'count'],
    ],
  ],
  [
    'The operation saw 498 individuals from 42 countries arrested for federal immigration violations, ICE said.',
    [
      ['498', 'count'],
      ['42', 'count'],
    ],
  ],
  [
    'ICE arrested nearly 500 people during 10 coast-to-coast raids.',
    [
      ['500', 'count'],
      ['10', 'count'],
    ],
  ],
  [
    'The U.S. Geological Survey says the 4.4-magnitude temblor on Sunday at 9:27 a.m. was centered near The Geysers.',
    [
      ['4.4', 'measure'],
      ['9:27', 'date'],
    ],
  ],
  [
    'The earthquake struck at about 9:30 a.m. and had a depth of 2.7 miles, according to the USGS.',
    [
      ['9:30', 'date'],
      ['2.7', 'measure'],
    ],
  ],
  [
    'The quake was centred 320 kilometres (200 miles) from the capital.',
    [
      ['320', 'measure'],
      ['200', 'measure'],
    ],
  ],
  ['More than 200 people were injured in the quake.', [['200', 'count']]],
  [
    'The quake was centered about two miles from The Geysers and 13 miles east of Cloverdale.',
    [
      ['two', 'measure'],
      ['13', 'measure'],
    ],
  ],
  [
    'On July 2, 2013, a quake struck the region.',
    [
      ['2', 'date'],
      ['2013', 'date'],
    ],
  ],
  [
    'September 10, 2010 10:14 AM Police say two people have been killed and another wounded.',
    [
      ['10', 'date'],
      ['2010', 'date'],
      ['10:14', 'date'],
      ['two', 'count'],
    ],
  ],
  [
    'Riots over harsh new austerity measures left three bank workers dead in Athens.',
    [['three', 'count']],
  ],
  [
    'As fights between cops and angry teens erupted in East Flatbush, 46 were arrested Wednesday night.',
    [['46', 'count']],
  ],
  [
    '1 dead, 4 hurt in Mich. office shooting',
    [
      ['1', 'count'],
      ['4', 'count'],
    ],
  ],
  [
    'A 59-year-old woman was killed in a hit-and-run crash while visiting a former neighbor.',
    [['59', 'age']],
  ],
  [
    'Gigante, who spent much of his life avoiding prison, has died in jail, aged 77.',
    [['77', 'age']],
  ],
  ['He delivered more than $300,000 in payoffs to Watergate conspirators.', [['300,000', 'money']]],
  ['Eighteen of those arrested had been convicted of sex crimes.', [['Eighteen', 'count']]],
  [
    'The storm caused an estimated $5 million in damage and left 40% of homes without power.',
    [
      ['5', 'money'],
      ['40', 'percent'],
    ],
  ],
  [
    'Unemployment rose to 7.8 percent in March 2009, the highest since 1983.',
    [
      ['7.8', 'percent'],
      ['2009', 'date'],
      ['1983', 'date'],
    ],
  ],
  [
    'The 6.1 magnitude quake hit at a depth of 10 km on Monday, killing at least 31 people.',
    [
      ['6.1', 'measure'],
      ['10', 'measure'],
      ['31', 'count'],
    ],
  ],
  [
    'Police said the 24-year-old gunman opened fire at 11:45 p.m., wounding five.',
    [
      ['24', 'age'],
      ['11:45', 'date'],
      ['five', 'count'],
    ],
  ],
  [
    'The ship was carrying 26 pirates and 2,000 tonnes of oil when it was seized on 14 January.',
    [
      ['26', 'count'],
      ['2,000', 'measure'],
      ['14', 'date'],
    ],
  ],
  [
    'Apple sold 3 million iPads in the first three days, the company said on April 5.',
    [
      ['3 million', 'count'],
      ['three', 'date'],
      ['5', 'date'],
    ],
  ],
];

const coarse = (t: FrameType): FigureClass | 'other' =>
  t === 'count'
    ? 'count'
    : t === 'date' || t === 'time' || t === 'year' || t === 'duration'
      ? 'date'
      : t === 'ordinal'
        ? 'other'
        : t;

type Classifier = (text: string, start: number, end: number) => FigureClass | 'other';
const overlaps = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

/** wink-nlp through the app's own frame extractor. */
function winkClassifier(): Classifier {
  const cache = new Map<string, ReturnType<typeof extractFrames>>();
  return (text, start, end) => {
    let frames = cache.get(text);
    if (!frames) cache.set(text, (frames = extractFrames(text)));
    const f = frames.find((x) => overlaps(x.start, x.end, start, end));
    return f ? coarse(f.type) : 'other';
  };
}

/** compromise: the tags of the terms the figure falls in, and a following unit. */
type Term = { tags: string[]; offset: { start: number; length: number } };
function compromiseClassifier(): Classifier {
  const cache = new Map<string, Term[]>();
  return (text, start, end) => {
    let terms = cache.get(text);
    if (!terms) {
      terms = (nlp(text).json({ offset: true }) as { terms: Term[] }[]).flatMap((s) => s.terms);
      cache.set(text, terms);
    }
    const i = terms.findIndex((t) =>
      overlaps(t.offset.start, t.offset.start + t.offset.length, start, end),
    );
    if (i < 0) return 'other';
    const tags = new Set<string>(terms[i]!.tags);
    const next = new Set<string>(terms[i + 1]?.tags ?? []);
    if (tags.has('Money')) return 'money';
    if (tags.has('Percent') || next.has('Percent')) return 'percent';
    if (tags.has('Date') || tags.has('Year') || tags.has('Time') || tags.has('Month'))
      return 'date';
    if (next.has('Unit')) return 'measure';
    if (/^-?year-old/.test(text.slice(end)) || next.has('Age')) return 'age';
    return tags.has('Value') ? 'count' : 'other';
  };
}

/** Microsoft Recognizers-Text: the most specific recognizer whose span holds the figure. */
type Span = { start: number; end: number };
function recognizersClassifier(): Classifier {
  const culture = 'en-us';
  const cache = new Map<string, [FigureClass, Span[]][]>();
  return (text, start, end) => {
    let found = cache.get(text);
    if (!found) {
      // Most specific first: a date's digits are also numbers.
      found = [
        ['date', DateTime.recognizeDateTime(text, culture)],
        ['age', Units.recognizeAge(text, culture)],
        ['money', Units.recognizeCurrency(text, culture)],
        ['percent', Numbers.recognizePercentage(text, culture)],
        ['measure', Units.recognizeDimension(text, culture)],
        ['count', Numbers.recognizeNumber(text, culture)],
      ];
      cache.set(text, found);
    }
    const hit = found.find(([, rs]) => rs.some((r) => overlaps(r.start, r.end + 1, start, end)));
    return hit ? hit[0] : 'other';
  };
}

export interface NlpChoiceRow {
  library: string;
  correct: number;
  figures: number;
  /** Figures an editor means as a head count that the library typed as one. */
  countsKept: number;
  counts: number;
  /** Non-count figures (dates, money, measures…) the library wrongly typed as a count. */
  falseCounts: number;
  msPerLine: number;
  mistakes: string[];
}

export function compareNlpLibraries(speedLines: string[]): NlpChoiceRow[] {
  const libs: [string, () => Classifier][] = [
    ['wink-nlp (frames.ts, shipped)', winkClassifier],
    ['compromise 14', compromiseClassifier],
    ['Recognizers-Text 1.3', recognizersClassifier],
  ];
  return libs.map(([library, make]) => {
    const classify = make();
    const row: NlpChoiceRow = {
      library,
      correct: 0,
      figures: 0,
      countsKept: 0,
      counts: 0,
      falseCounts: 0,
      msPerLine: 0,
      mistakes: [],
    };
    for (const [text, figures] of LABELLED) {
      for (const [raw, want] of figures) {
        const start = text.indexOf(raw);
        if (start < 0) throw new Error(`“${raw}” is not in “${text}”`);
        const got = classify(text, start, start + raw.length);
        row.figures++;
        if (got === want) row.correct++;
        else row.mistakes.push(`${raw} (${want} → ${got})`);
        if (want === 'count') {
          row.counts++;
          if (got === 'count') row.countsKept++;
        } else if (got === 'count') row.falseCounts++;
      }
    }
    const t0 = Date.now();
    for (const line of speedLines) {
      // Every number-like span of the line, as the app would type them.
      for (const m of line.matchAll(/\d[\d,.:]*/g)) classify(line, m.index, m.index + m[0].length);
    }
    row.msPerLine = speedLines.length ? (Date.now() - t0) / speedLines.length : 0;
    return row;
  });
}
