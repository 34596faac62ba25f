/**
 * The domain model shared by the renderer, the Electron main process, the bundle format and the
 * tests. Plain data only: everything here is structured-clone safe and stored as-is in IndexedDB.
 */

import type { ArticleStructure } from './structure';

export type AnnotationKind = 'claim' | 'quote';
export type Stance = 'agrees' | 'conflicts';
export type GroupStatus = 'open' | 'checking' | 'resolved';

/**
 * Rows are never removed: a delete writes `deletedAt` (a tombstone) so that undo, bundles and
 * team sync all see the delete as an ordinary edit of a row. Every read skips tombstones
 * (shared/model/live.ts).
 */
export interface Tombstoned {
  /** When the row was deleted (ms since epoch), or null while it is live. */
  deletedAt: number | null;
}

/** Where an article came from; kept for the library and for bundle provenance. */
export interface ArticleOrigin {
  kind: 'seed' | 'file' | 'paste' | 'bundle' | 'url' | 'sync';
  /** File name (never a full path), the address for 'url', or null for pasted text. */
  name: string | null;
  format: 'txt' | 'md' | 'html' | 'paste' | 'pdf' | 'docx';
}

export interface Article extends Tombstoned {
  /** Always equal to `sha256`: two editors (or two imports) of the same text get one article. */
  id: string;
  /** sha256 (hex) of the UTF-8 canonical text: identifies the same article across imports. */
  sha256: string;
  title: string;
  /**
   * The outlet's short display name ("Newsmax", "LA Times"), used wherever a source is named;
   * extracted at import where the document reveals it, editable, else null.
   */
  source: string | null;
  /** Bylines, in the order the document gives them. */
  authors: string[];
  /** The original address (canonical URL where the page names one), else null. */
  url: string | null;
  /** BCP 47 language tag ("en"), else null. */
  language: string | null;
  /** ISO date (YYYY-MM-DD) of publication where known, else null. */
  date: string | null;
  /**
   * Canonical plain text: NFC, LF line ends, one paragraph per line, no empty lines
   * (see shared/text/canonical.ts). Every offset in the app counts UTF-16 units of this string.
   */
  text: string;
  /** How the document looked (headings, lists, links…), one block per line of `text`; null = plain paragraphs. */
  structure: ArticleStructure | null;
  origin: ArticleOrigin;
  createdAt: number;
  updatedAt: number;
}

/** W3C Web Annotation TextPositionSelector, in UTF-16 units of Article.text (converted on export). */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation extends Tombstoned {
  id: string;
  articleId: string;
  kind: AnnotationKind;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  /** Who is quoted; only for kind 'quote'. */
  speaker: string | null;
  note: string;
  /** The claim group this annotation belongs to (at most one), or null. */
  groupId: string | null;
  /** Stance within its group; null when not grouped. */
  stance: Stance | null;
  /** Free tags, as the editor typed them (trimmed, no duplicates). */
  tags: string[];
  /** Display name of the editor who made it; null for single-user work. */
  author: string | null;
  createdAt: number;
  updatedAt: number;
}

/** Members are the annotations whose groupId points here; the group row holds only its own facts. */
export interface ClaimGroup extends Tombstoned {
  id: string;
  label: string;
  /** True once the editor renamed it; otherwise the label follows the first member's text. */
  labelEdited: boolean;
  /** The rating, one label of the workspace's rating scale, or null while unrated. */
  verdict: string | null;
  /** Why the editor gave that verdict. */
  reasoning: string;
  status: GroupStatus;
  /** For a conflict: how it was resolved ("the 167 covers the whole LA area office…"). */
  resolution: string;
  createdAt: number;
  updatedAt: number;
}

/** An annotation that an import could not place confidently; the editor decides. */
export interface ReanchorItem {
  id: string;
  annotation: Annotation;
  reason: 'no-match' | 'ambiguous' | 'low-score';
  /** Proposed place, if any. */
  proposal: { start: number; end: number; score: number } | null;
  createdAt: number;
}

/** The default rating scale; a workspace may adapt it (settings key `ratingScale`). */
export const DEFAULT_RATING_SCALE: readonly string[] = [
  'True',
  'Mostly true',
  'Half true',
  'Misleading',
  'False',
  'Unproven',
];
