import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractNumbers } from './numbers';

/**
 * Quantity frames: what a figure counts or measures, with its qualifier as an interval.
 * Tokens, parts of speech, lemmas and entity types (DATE, TIME, MONEY, PERCENT, DURATION,
 * CARDINAL) come from wink-nlp with its English lite model (README: why wink-nlp); the value of
 * a cardinal entity is read by numbers.ts (digits, scales and number words).
 */
export type FrameType =
  | 'count'
  | 'measure'
  | 'date'
  | 'time'
  | 'year'
  | 'age'
  | 'money'
  | 'percent'
  | 'duration'
  | 'ordinal';

export interface QuantityFrame {
  /** Offsets into the text, qualifier included. */
  start: number;
  end: number;
  raw: string;
  type: FrameType;
  value: number;
  /** Values the statement allows: "at least 101" -> [101, Infinity], "about 50" -> [45, 55]. */
  interval: [number, number];
  qualifier: string | null;
  /** Canonical event counted ("killed", "injured", "arrested"...) or null. */
  event: string | null;
  /** Canonical head noun ("people" for people-counting nouns, else the lemma) or null. */
  head: string | null;
  /** Unit of a measure ("mile", "kilometer", "magnitude"), else null. */
  unit: string | null;
}

let nlp: WinkMethods | null = null;
/** The model loads once, lazily (about 0.4 s; the matching worker pays it, not the UI). */
function getNlp(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

/** Lemmas of events that news counts, mapped to one name per event (synonyms, word forms). */
const EVENTS: Record<string, string> = {
  kill: 'killed', killed: 'killed', die: 'killed', dead: 'killed', death: 'killed',
  fatality: 'killed', toll: 'killed', perish: 'killed', body: 'killed', drown: 'killed',
  injure: 'injured', injured: 'injured', hurt: 'injured', wound: 'injured', wounded: 'injured',
  injury: 'injured', casualty: 'injured',
  arrest: 'arrested', arrested: 'arrested', detain: 'arrested', apprehend: 'arrested',
  custody: 'arrested', arrestee: 'arrested', detention: 'arrested', apprehension: 'arrested',
  evacuate: 'evacuated', evacuation: 'evacuated', rescue: 'rescued', missing: 'missing',
  displace: 'displaced', homeless: 'displaced', hostage: 'hostages', kidnap: 'kidnapped',
}; // prettier-ignore

/** Nouns that count people: "498 individuals", "500 aliens", "10 people" are one head. */
const PEOPLE = new Set([
  'people', 'person', 'individual', 'immigrant', 'alien', 'migrant', 'resident', 'civilian',
  'man', 'woman', 'child', 'adult', 'student', 'worker', 'passenger', 'victim', 'pirate',
  'soldier', 'officer', 'fugitive', 'suspect', 'detainee', 'inmate', 'other', 'others',
]); // prettier-ignore

/** Units of measures: never compared with head counts. */
const UNITS: Record<string, string> = {
  mile: 'mile', kilometre: 'kilometer', kilometer: 'kilometer', km: 'kilometer', meter: 'meter',
  metre: 'meter', foot: 'foot', feet: 'foot', inch: 'inch', magnitude: 'magnitude', acre: 'acre',
  ton: 'ton', tonne: 'ton', pound: 'pound', degree: 'degree', mph: 'mph', kg: 'kilogram',
  percent: 'percent', hectare: 'hectare', gallon: 'gallon', barrel: 'barrel',
}; // prettier-ignore

/** Qualifiers (lower-cased, as written before a figure) -> how they widen it. */
type Widen = 'exact' | 'around' | 'below' | 'atLeast' | 'atMost';
const QUALIFIERS: [string, Widen][] = [
  ['more than', 'atLeast'], ['at least', 'atLeast'], ['upwards of', 'atLeast'],
  ['in excess of', 'atLeast'], ['over', 'atLeast'], ['just over', 'atLeast'],
  ['fewer than', 'atMost'], ['less than', 'atMost'], ['at most', 'atMost'], ['up to', 'atMost'],
  ['under', 'atMost'], ['just under', 'below'], ['nearly', 'below'], ['almost', 'below'],
  ['close to', 'below'], ['about', 'around'], ['around', 'around'], ['roughly', 'around'],
  ['approximately', 'around'], ['some', 'around'], ['an estimated', 'around'],
  ['estimated', 'around'], ['as many as', 'atMost'],
]; // prettier-ignore

/** Vague amounts written as words. */
const VAGUE: Record<string, [number, number]> = {
  dozens: [24, 99],
  scores: [40, 99],
  hundreds: [200, 999],
  thousands: [2000, 9999],
  'tens of thousands': [20_000, 99_999],
  'hundreds of thousands': [200_000, 999_999],
  millions: [2_000_000, 9_999_999],
};

const APPROX = 0.1;

function widen(value: number, how: Widen): [number, number] {
  switch (how) {
    case 'around':
      return [value * (1 - APPROX), value * (1 + APPROX)];
    case 'below':
      return [value * (1 - APPROX), value];
    case 'atLeast':
      return [value, Infinity];
    case 'atMost':
      return [0, value];
    default:
      return [value, value];
  }
}

interface Tok {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

function tokensOf(text: string): {
  toks: Tok[];
  entities: { type: string; from: number; to: number }[];
} {
  const its = getNlp().its;
  const doc = getNlp().readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // The lemma helper is typed for addons; at run time the lite model provides them.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const toks: Tok[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    // wink keeps the text; if a token is not found where expected, search forward for it.
    const found = text.startsWith(values[i]!, at) ? at : text.indexOf(values[i]!, at);
    const start = found < 0 ? at : found;
    const v = values[i]!;
    toks.push({
      text: v,
      lower: v.toLowerCase(),
      lemma: (lemmas[i] ?? v).toLowerCase(),
      pos: pos[i]!,
      start,
      end: start + v.length,
    });
    at = start + v.length;
  }
  const details = doc.entities().out(its.detail) as unknown as { type: string }[];
  const spans = doc.entities().out(its.span) as unknown as [number, number][];
  const entities = details.map((d, i) => ({ type: d.type, from: spans[i]![0], to: spans[i]![1] }));
  return { toks, entities };
}

const eventOf = (t: Tok | undefined): string | null =>
  t ? (EVENTS[t.lemma] ?? EVENTS[t.lower] ?? null) : null;
const headOf = (t: Tok): string =>
  PEOPLE.has(t.lemma) || PEOPLE.has(t.lower) ? 'people' : t.lemma;
const isBreak = (t: Tok) =>
  t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'NUM' || t.pos === 'SCONJ';

const TYPE_OF_ENTITY: Record<string, FrameType> = {
  DATE: 'date',
  TIME: 'time',
  MONEY: 'money',
  PERCENT: 'percent',
  DURATION: 'duration',
  ORDINAL: 'ordinal',
};

const FIGURE_HINT =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|hundreds|thousands|millions|scores)\b/i;

/** Cheap test: could `text` state a figure at all (digits or number words)? */
export function mayStateFigure(text: string): boolean {
  return FIGURE_HINT.test(text);
}

/** Every quantity frame stated in `text`, in order. */
export function extractFrames(text: string): QuantityFrame[] {
  if (!mayStateFigure(text)) return [];
  const { toks, entities } = tokensOf(text);
  const out: QuantityFrame[] = [];
  for (const e of entities) {
    const first = toks[e.from]!;
    const last = toks[e.to]!;
    let start = first.start;
    const end = last.end;
    const entityText = text.slice(start, end);
    let type: FrameType | undefined = TYPE_OF_ENTITY[e.type];
    if (!type && e.type !== 'CARDINAL') continue;
    // Qualifier: inside the entity ("about 50") or just before it ("at least 101").
    let qualifier: string | null = null;
    let how: Widen = 'exact';
    const lowerEntity = entityText.toLowerCase();
    const before = text.slice(Math.max(0, start - 20), start).toLowerCase();
    for (const [q, w] of QUALIFIERS) {
      if (lowerEntity.startsWith(`${q} `)) {
        qualifier = q;
        how = w;
        break;
      }
      if (new RegExp(`(?:^|[^a-z])${q}\\s+$`).test(before)) {
        qualifier = q;
        how = w;
        start = start - (before.length - before.lastIndexOf(q));
        break;
      }
    }
    const vague = VAGUE[lowerEntity.replace(/^(?:about|nearly|some|almost)\s+/, '')];
    const parsed = extractNumbers(entityText).filter(
      (n) => n.kind === 'count' || n.kind === 'year',
    );
    let value: number;
    let interval: [number, number];
    if (vague) {
      value = vague[0];
      interval = vague;
    } else if (/^a dozen$/i.test(lowerEntity)) {
      value = 12;
      interval = widen(12, how);
    } else if (parsed.length > 0) {
      value = parsed[parsed.length - 1]!.value;
      interval = widen(value, how);
    } else if (type) {
      value = NaN;
      interval = [NaN, NaN];
    } else continue;

    // What is counted: the noun after the figure, the event verb before it or after its noun.
    let k = e.to + 1;
    let skippedEvent: string | null = null;
    let skippedUnit: string | null = null;
    while (k < toks.length && (toks[k]!.pos === 'ADJ' || toks[k]!.lower === '-') && k <= e.to + 2) {
      skippedEvent ??= eventOf(toks[k]); // "1 dead", "three wounded soldiers"
      skippedUnit ??= UNITS[toks[k]!.lemma] ?? UNITS[toks[k]!.lower] ?? null; // "4.4-magnitude"
      k++;
    }
    let head: string | null = null;
    let unit: string | null = null;
    let event: string | null = null;
    // A compound counts its last noun: "three bank workers" counts workers.
    const isUnit = (t: Tok) => UNITS[t.lemma] !== undefined || UNITS[t.lower] !== undefined;
    while (
      k + 1 < toks.length &&
      toks[k]!.pos === 'NOUN' &&
      toks[k + 1]!.pos === 'NOUN' &&
      !isUnit(toks[k]!)
    ) {
      k++;
    }
    const next = toks[k];
    if (next && (next.pos === 'NOUN' || next.pos === 'PROPN')) {
      if (UNITS[next.lemma] ?? UNITS[next.lower]) unit = UNITS[next.lemma] ?? UNITS[next.lower]!;
      else {
        head = headOf(next);
        event = eventOf(next);
      }
    } else if (next && next.lower === '%') unit = 'percent';
    unit ??= skippedUnit;
    if (unit) head = event = null;
    const prev = toks[e.from - 1];
    if (!unit && prev && (prev.lemma === 'magnitude' || prev.lower === 'magnitude'))
      unit = 'magnitude';
    if (!unit && next?.lower === 'magnitude') unit = 'magnitude';
    // "a magnitude of 4.4", "a depth of 2.7 miles": the unit named before "of".
    const beforeOf = prev?.lower === 'of' ? toks[e.from - 2] : undefined;
    if (!unit && beforeOf && (UNITS[beforeOf.lemma] ?? UNITS[beforeOf.lower])) {
      unit = UNITS[beforeOf.lemma] ?? UNITS[beforeOf.lower]!;
      head = event = null;
    }
    // "25-year-old": an age.
    if (
      /^(?:-|year|years)$/.test(toks[e.to + 1]?.lower ?? '') &&
      /year.*old/.test(text.slice(end, end + 12).toLowerCase())
    ) {
      type = 'age';
    }
    // "aged 77": an age.
    if (!type && /^age[sd]?$/.test(prev?.lower ?? '')) type = 'age';
    if (!type) {
      if (unit) type = unit === 'percent' ? 'percent' : 'measure';
      else if (
        !qualifier &&
        /^\d{4}$/.test(entityText) &&
        value >= 1800 &&
        value <= 2100 &&
        (head === null || next?.pos === 'PROPN')
      ) {
        type = 'year';
        head = null;
      } else type = 'count';
    }
    event ??= skippedEvent;
    if (type === 'count' && !event && (head === null || head === 'people')) {
      // "killing 10", "injuring 80": the verb (or adjective) before the figure, past a determiner.
      let p = e.from - 1;
      while (
        p >= 0 &&
        (toks[p]!.pos === 'DET' ||
          toks[p]!.pos === 'ADV' ||
          /^(?:at|least|than|more|up|to)$/.test(toks[p]!.lower)) &&
        p >= e.from - 3
      )
        p--;
      event = eventOf(toks[p]);
      // "a death toll of 170,000": the noun before "of".
      if (!event && toks[p]?.lower === 'of') event = eventOf(toks[p - 1]) ?? eventOf(toks[p - 2]);
      // "Ten people are killed", "80 were hurt", "10 died": an event word just after, same clause.
      for (
        let q = k;
        !event && (head === null || head === 'people') && q < Math.min(toks.length, k + 4);
        q++
      ) {
        if (q > k && isBreak(toks[q]!)) break;
        event = eventOf(toks[q]);
      }
    }
    out.push({
      start,
      end,
      raw: text.slice(start, end),
      type,
      value,
      interval,
      qualifier,
      event: type === 'count' ? event : null,
      head: type === 'count' ? head : null,
      unit,
    });
  }
  return out;
}

/** Whether two frames speak of the same measure (same type, unit, and event or head). */
export function sameMeasure(a: QuantityFrame, b: QuantityFrame): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'measure' || a.type === 'percent') return a.unit === b.unit;
  if (a.type !== 'count') return false;
  if (a.event && b.event) return a.event === b.event;
  return a.head !== null && a.head === b.head;
}

/** Readable name of what a frame measures ("injured", "people", "magnitude"). */
export function measureName(f: QuantityFrame): string {
  return f.event ?? f.unit ?? f.head ?? f.type;
}

export type FrameVerdict = 'agree' | 'consistent' | 'clash' | 'unrelated';

/**
 * Two frames of the same measure agree when their intervals overlap (498 / "nearly 500"), are
 * consistent when they overlap only thanks to an open bound ("at least 101" / 167), and clash when
 * they are disjoint (80 / "about 50"). Frames of different measures, dates or money are unrelated.
 */
export function framesAgree(a: QuantityFrame, b: QuantityFrame): FrameVerdict {
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return 'unrelated';
  if (!sameMeasure(a, b)) {
    // A count that names nothing ("104 are previously deported") may be any count: the same
    // figure is evidence for a match, a different one says nothing.
    const vague = (f: QuantityFrame) => f.type === 'count' && f.event === null && f.head === null;
    const counts = a.type === 'count' && b.type === 'count';
    if (counts && (vague(a) || vague(b)) && compareIntervals(a, b) === 'agree') return 'agree';
    // "498 individuals" and "nearly 500 arrests": people counted without an event, and an event
    // that counts people. Evidence for a match; too loose to call a conflict.
    const people = (f: QuantityFrame) =>
      f.type === 'count' && f.event === null && f.head === 'people';
    const personEvent = (f: QuantityFrame) => f.type === 'count' && f.event !== null;
    if ((people(a) && personEvent(b)) || (people(b) && personEvent(a))) {
      return compareIntervals(a, b) === 'clash' ? 'unrelated' : 'agree';
    }
    return 'unrelated';
  }
  return compareIntervals(a, b);
}

export function compareIntervals(a: QuantityFrame, b: QuantityFrame): FrameVerdict {
  const eps = 1e-9 * Math.max(1, Math.abs(a.value), Math.abs(b.value));
  const [aLo, aHi] = a.interval;
  const [bLo, bHi] = b.interval;
  if (aLo > bHi + eps || bLo > aHi + eps) return 'clash';
  const open = (f: QuantityFrame) =>
    f.interval[1] === Infinity || (f.interval[0] === 0 && f.value > 0);
  if ((open(a) || open(b)) && a.value !== b.value) return 'consistent';
  return 'agree';
}
