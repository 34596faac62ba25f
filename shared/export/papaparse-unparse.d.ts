/**
 * Types for the one papaparse function shared/ uses. Imported by file path rather than as
 * 'papaparse' because @types/papaparse pulls in the Node type library (`/// <reference
 * types="node" />`), which would let Node globals slip past tsconfig.shared.json's check.
 */
declare module 'papaparse/papaparse.js' {
  interface UnparseConfig {
    quotes?: boolean;
    quoteChar?: string;
    escapeChar?: string;
    delimiter?: string;
    header?: boolean;
    newline?: string;
    skipEmptyLines?: boolean | 'greedy';
    columns?: string[];
    escapeFormulae?: boolean | RegExp;
  }
  const Papa: {
    unparse(data: { fields: string[]; data: string[][] }, config?: UnparseConfig): string;
  };
  export default Papa;
}
