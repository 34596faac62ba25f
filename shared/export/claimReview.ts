import type { Workspace } from '../bundle/types';
import { DEFAULT_RATING_SCALE } from '../model/types';
import { ratingOf, type GroupSummary } from '../summary';
import { workspaceSummaries } from './summaries';

/**
 * schema.org ClaimReview JSON-LD, one per rated claim group, the markup fact-check aggregators and
 * search engines read. Google's fact-check documentation requires `claimReviewed`, `reviewRating`
 * (with `alternateName`, the verdict as words) and `url`, and recommends `author` (the fact-checking
 * organisation), `datePublished`, `itemReviewed` (a Claim with its `appearance`s, `author`,
 * `datePublished`, `firstAppearance`) and the rating's `ratingValue`/`bestRating`/`worstRating`.
 */

export interface Organisation {
  name: string;
  /** The fact-checker's site; each review's `url` is an anchor on it. */
  url: string;
}

export interface ClaimReviewOptions {
  now: number;
  organisation: Organisation | null;
  /** The rating scale, best first (settings key `ratingScale`). */
  scale?: readonly string[];
}

export class ClaimReviewError extends Error {
  override name = 'ClaimReviewError';
}

interface CreativeWork {
  '@type': 'CreativeWork';
  url?: string;
  headline: string;
  datePublished?: string;
  publisher?: { '@type': 'Organization'; name: string };
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: { '@type': 'Organization'; name: string; url: string };
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    name: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
  };
  reviewBody?: string;
  itemReviewed: {
    '@type': 'Claim';
    appearance: CreativeWork[];
    firstAppearance?: CreativeWork;
    datePublished?: string;
    author?: { '@type': 'Person'; name: string };
  };
}

function checkOrganisation(org: Organisation | null): Organisation {
  const name = org?.name.trim() ?? '';
  const url = org?.url.trim() ?? '';
  if (!name || !url) {
    throw new ClaimReviewError(
      'ClaimReview needs your organisation’s name and web address: fill them in under “Organisation” in the export dialog.',
    );
  }
  if (!/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) {
    throw new ClaimReviewError(
      `“${url}” is not a web address: give your organisation’s site as https://…`,
    );
  }
  return { name, url };
}

/** The ClaimReview of one rated group. */
export function claimReviewOf(
  s: GroupSummary,
  org: Organisation,
  opts: { now: number; scale: readonly string[] },
): ClaimReview {
  const verdict = s.verdict!;
  const rating = ratingOf(verdict, opts.scale);
  const appearance: CreativeWork[] = s.sources.map((src) => ({
    '@type': 'CreativeWork',
    ...(src.url ? { url: src.url } : {}),
    headline: src.title,
    ...(src.date ? { datePublished: src.date } : {}),
    ...(src.outlet !== src.title
      ? { publisher: { '@type': 'Organization', name: src.outlet } }
      : {}),
  }));
  const dated = appearance
    .filter((a) => a.datePublished)
    .sort((a, b) => a.datePublished!.localeCompare(b.datePublished!));
  const speakers = [
    ...new Set(s.members.map((m) => m.annotation.speaker).filter((x): x is string => !!x)),
  ];
  const body = [s.reasoning, s.resolution].filter((x) => x.trim()).join('\n\n');
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${org.url.replace(/#.*$/, '')}#claim-${encodeURIComponent(s.group.id)}`,
    claimReviewed: s.label,
    datePublished: new Date(opts.now).toISOString().slice(0, 10),
    author: { '@type': 'Organization', name: org.name, url: org.url },
    reviewRating: {
      '@type': 'Rating',
      alternateName: verdict,
      name: verdict,
      ...(rating ?? {}),
    },
    ...(body ? { reviewBody: body } : {}),
    itemReviewed: {
      '@type': 'Claim',
      appearance,
      ...(dated[0] ? { firstAppearance: dated[0], datePublished: dated[0].datePublished } : {}),
      ...(speakers.length === 1 ? { author: { '@type': 'Person', name: speakers[0]! } } : {}),
    },
  };
}

/**
 * Every rated group's ClaimReview as a JSON array (pretty-printed; embed each in a page's
 * `<script type="application/ld+json">`). Unrated groups are left out: a ClaimReview without a
 * verdict is invalid markup.
 */
export function exportClaimReview(ws: Workspace, opts: ClaimReviewOptions): string {
  const org = checkOrganisation(opts.organisation);
  const scale = opts.scale ?? DEFAULT_RATING_SCALE;
  const rated = workspaceSummaries(ws).filter((s) => s.verdict !== null && s.members.length > 0);
  if (rated.length === 0) {
    throw new ClaimReviewError(
      'No claim group has a verdict yet: rate a group in the Groups view, then export ClaimReview.',
    );
  }
  return `${JSON.stringify(
    rated.map((s) => claimReviewOf(s, org, { now: opts.now, scale })),
    null,
    2,
  )}\n`;
}
