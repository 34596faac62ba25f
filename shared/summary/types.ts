import type { QuoteChange, QuoteDiff } from '../matching/quotes';
import type { Annotation, ClaimGroup, GroupStatus } from '../model/types';
import type { ConflictReport, QuoteIntegrity } from '../matching';

/**
 * The ONE summary of a claim group. The review screens, the CSV, the HTML report and ClaimReview
 * all render this object, so an export can never say something the screen does not.
 */

/**
 * Whether the group's members agree (issue 7's vocabulary):
 *  - agrees: members state the same figure for the same quantity
 *  - consistent: figures compatible but not identical ("nearly 500" and 498)
 *  - conflicting: differing figures, or a member the editor marked as conflicting
 *  - none: nothing to compare (one source, or no figures and no stance)
 */
export type ConflictState = 'agrees' | 'conflicting' | 'consistent' | 'none';

/** What a source needs to be named and cited. `url` arrives with the lead's model change. */
export interface SourceInfo {
  id: string;
  title: string;
  /** The outlet's short display name ("LA Times"), or null. */
  source: string | null;
  date: string | null;
  url?: string | null;
}

export interface SummarySource {
  articleId: string;
  /** Short name for narrow places: the outlet, else the title. */
  outlet: string;
  title: string;
  date: string | null;
  url: string | null;
}

/** A member's place in its group: the oldest member states the claim, the rest agree or not. */
export type MemberState = 'states' | 'agrees' | 'conflicts';

export interface MemberView {
  annotation: Annotation;
  state: MemberState;
  /** The figures the member states, as written ("At least 101", "167"). */
  figures: string[];
  /** The figure that conflicts with the one stating the claim, if any. */
  conflictingValue: string | null;
}

/** One source whose copy of the quote differs from the fullest version. */
export interface QuoteAlteration {
  articleId: string;
  outlet: string;
  annotationIds: string[];
  changes: QuoteChange[];
  diff: QuoteDiff;
}

export interface QuoteSummary {
  differs: boolean;
  /** Outlets carrying the fullest version (the reference every copy is compared with). */
  referenceOutlets: string[];
  referenceText: string;
  alterations: QuoteAlteration[];
  /** One line: "Cut short at the start by Newsmax" or "Same words in 3 sources". */
  explanation: string;
}

export interface GroupSummary {
  group: ClaimGroup;
  label: string;
  /** Oldest first. */
  members: MemberView[];
  /** Sources with members, in the order their first member was made. */
  sources: SummarySource[];
  report: ConflictReport;
  /** Only for groups with at least two quotes. */
  integrity: QuoteIntegrity | null;
  state: ConflictState;
  /** Why the state holds, naming figures and outlets. */
  explanation: string;
  conflicting: boolean;
  quote: QuoteSummary | null;
  quoteDiffers: boolean;
  /** Members by stance ('states' counts as agreeing). */
  stance: { agrees: number; conflicts: number };
  verdict: string | null;
  reasoning: string;
  status: GroupStatus;
  resolution: string;
}
