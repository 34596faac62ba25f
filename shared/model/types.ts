/**
 * The domain model shared by the renderer, the Electron main process, the bundle format and the
 * tests. Plain data only: everything here is structured-clone safe and stored as-is in IndexedDB.
 */

import type { ArticleStructure } from './structure';

export type AnnotationKind = 'claim' | 'quote';
export type Stance = 'agrees' | 'conflicts';

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
  /** Outlet authors, the original address and BCP 47 language, where known (issue 8). */
  authors?: string[];
  url?: string | null;
  language?: string | null;
  /** How the article looked; null or absent = plain paragraphs. */
  structure?: ArticleStructure | null;
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
  createdAt: number;
  updatedAt: number;
}

/** Members are the annotations whose groupId points here; the group row holds only its own facts. */
export interface ClaimGroup {
  id: string;
  label: string;
  /** True once the editor renamed it; otherwise the label follows the first member's text. */
  labelEdited: boolean;
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
