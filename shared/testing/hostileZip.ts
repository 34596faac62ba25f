/**
 * Hand-built zips for tests and the hostile E2E: entries whose headers lie, other compression
 * methods, a real deflate bomb. fflate's writer cannot produce any of these (it tells the truth).
 */
import { Deflate } from 'fflate';

export interface RawEntry {
  name: string;
  /** Bytes as stored in the zip (already compressed for method 8). */
  data: Uint8Array;
  method: number;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
}

/** A zip archive of exactly these entries and claims (CRCs are left 0: nothing here checks them). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A raw deflate stream that really inflates to `mebibytes` MiB of zeros (4096 → 4 GiB) in about
 * 1 KB per MiB: one sync-flushed deflate of 1 MiB repeated (a sync flush ends byte-aligned and
 * non-final, so copies concatenate), closed by an empty final stored block.
 */
export function deflateBomb(mebibytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (chunk) => chunks.push(chunk));
  d.push(new Uint8Array(1 << 20));
  d.flush(true);
  const unit = concat(chunks);
  const out = new Uint8Array(unit.length * mebibytes + 5);
  for (let i = 0; i < mebibytes; i++) out.set(unit, i * unit.length);
  out.set([0x01, 0x00, 0x00, 0xff, 0xff], unit.length * mebibytes);
  return out;
}

/** Deflate of a string, raw (no zlib header), as a zip's method-8 data. */
export function deflateText(text: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  d.push(new TextEncoder().encode(text), true);
  return concat(chunks);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
