/**
 * The domain model shared by the renderer, the Electron main process, the bundle format and the
 * tests. Plain data only: everything here is structured-clone safe and stored as-is in IndexedDB.
 */

export type AnnotationKind = 'claim' | 'quote';
export type Stance = 'agrees' | 'conflicts';
export type GroupStatus = 'open' | 'checking' | 'resolved';

/** The default rating scale (settings key `ratingScale`); editors may adapt it. */
export const DEFAULT_RATING_SCALE: readonly string[] = [
  'True',
  'Mostly true',
  'Half true',
  'Misleading',
  'False',
  'Unproven',
];

/** Where an article came from; kept for the library and for bundle provenance. */
export interface ArticleOrigin {
  kind: 'seed' | 'file' | 'paste' | 'bundle';
  /** File name (never a full path) or null for pasted text. */
  name: string | null;
  format: 'txt' | 'md' | 'html' | 'paste';
}

export interface Article {
  id: string;
  /** sha256 (hex) of the UTF-8 canonical text: identifies the same article across imports. */
  sha256: string;
  title: string;
  /** Outlet name where the text reveals it (e.g. a copyright line), else null. */
  source: string | null;
  /** ISO date (YYYY-MM-DD) where the text states one, else null. */
  date: string | null;
  /**
   * Canonical plain text: NFC, LF line ends, one paragraph per line, no empty lines
   * (see shared/text/canonical.ts). Every offset in the app counts UTF-16 units of this string.
   */
  text: string;
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

export interface Annotation {
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
  /**
   * Free tags (issue 9). Optional here until the lead's DB v2 model lands on main, where it is
   * required; readers treat a missing value as [].
   */
  tags?: string[];
  createdAt: number;
  updatedAt: number;
}

/** Members are the annotations whose groupId points here; the group row holds only its own facts. */
export interface ClaimGroup {
  id: string;
  label: string;
  /** True once the editor renamed it; otherwise the label follows the first member's text. */
  labelEdited: boolean;
  /*
   * The editor's conclusion (issue 9). Optional here until the lead's DB v2 model lands on main,
   * where all four are required; readers default to null / '' / 'open' / ''.
   */
  /** A label from the workspace's rating scale, or null when not rated yet. */
  verdict?: string | null;
  reasoning?: string;
  status?: GroupStatus;
  /** How a conflict was resolved ("the 167 covers the whole LA area office, the 101 the city"). */
  resolution?: string;
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
