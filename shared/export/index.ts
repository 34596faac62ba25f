/** Stand-alone exports: pure producers of file contents (strings); the caller saves them. */
export { exportJsonLd } from './jsonld';
export { CSV_COLUMNS, exportCsv, type CsvOptions } from './csv';
export { REPORT_CSP, escapeHtml, exportHtmlReport, type ReportOptions } from './html';
export type { ConflictInfo, ConflictsByGroupId } from './conflicts';
