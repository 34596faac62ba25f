/* eslint-disable @typescript-eslint/no-explicit-any -- tests tamper with the raw JSON of entries */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * For tests that damage a bundle on purpose: its zip entries as text, a zip made from text
 * entries, and a copy with one entry's JSON changed.
 */
export type Entries = Record<string, string>;

export const entriesOf = (bytes: Uint8Array): Entries =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

export const zipEntries = (entries: Entries): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));

export function editEntry(
  bytes: Uint8Array,
  entry: string,
  change: (json: Record<string, any>) => void,
): Uint8Array {
  const entries = entriesOf(bytes);
  const json = JSON.parse(entries[entry]!);
  change(json);
  return zipEntries({ ...entries, [entry]: JSON.stringify(json) });
}
