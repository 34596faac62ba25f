/**
 * Matching claims and quotes across articles: figures, terms, candidate spans, the corpus index,
 * ranked suggestions, quote search/diff/integrity and group conflicts. Pure logic.
 */
export * from './types';
export {
  extractNumbers,
  numbersCompatible,
  numberRange,
  isNumberWord,
  APPROXIMATION_TOLERANCE,
} from './numbers';
export {
  tokenize,
  keyTerms,
  findEntities,
  normalizeWord,
  stemWord,
  isStopWord,
  isKeyToken,
} from './tokens';
export {
  segmentArticle,
  splitSentences,
  splitClauses,
  splitLines,
  findQuotedPassages,
} from './segments';
export { buildCorpusIndex } from './corpus';
export type { CorpusIndex, IndexedSpan, IndexedArticle } from './corpus';
export { suggestMatches } from './suggest';
export {
  normalizeQuote,
  quoteWords,
  findQuoteInSources,
  quoteDiff,
  quoteIntegrity,
} from './quotes';
export type {
  QuoteOccurrence,
  FindQuoteOptions,
  QuoteDiff,
  QuoteDiffPart,
  QuoteIntegrity,
  QuoteVariant,
} from './quotes';
export { detectConflicts, statedFrames, statedNumbers } from './conflicts';
export { extractFrames, framesAgree, sameMeasure, measureName } from './frames';
export type { QuantityFrame, FrameType, FrameVerdict } from './frames';
export { addArticle, removeArticle, emptyCorpusIndex } from './corpus';
export { DEFAULT_MIN_SCORE } from './suggest';
export type {
  ConflictMember,
  ConflictReport,
  ConflictReason,
  ConflictState,
  StatedNumber,
  Quantity,
  QuantityValue,
} from './conflicts';
export { likelyHere } from './likely';
export type { LikelyHere, LikelyMember } from './likely';
export { MatchingEngine } from './engine';
export type { MatchingRequest, MatchingResponse } from './protocol';
