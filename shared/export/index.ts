/** Stand-alone exports: pure producers of file contents (strings); the caller saves them. */
export { exportJsonLd } from './jsonld';
export { CSV_COLUMNS, FORMULA_START, exportCsv, type CsvOptions } from './csv';
export { REPORT_CSP, escapeHtml, exportHtmlReport, type ReportOptions } from './html';
export {
  ClaimReviewError,
  claimReviewOf,
  exportClaimReview,
  type ClaimReview,
  type ClaimReviewOptions,
  type Organisation,
} from './claimReview';
export { workspaceSummaries } from './summaries';
