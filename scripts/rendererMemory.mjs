/**
 * Peak resident memory of Chromium's renderer processes during named spans of a browser bench.
 * The page marks a span with console messages (renderer/bench/phase.ts); this samples
 * /proc/<pid>/status (VmRSS) of every renderer process under the bench browser every 50 ms and
 * keeps each open span's peak. Renderer = the page and its Workers (threads of that process), so
 * work done in a Worker counts too, as it would in the app. Linux only: elsewhere it reports
 * nothing rather than a wrong number.
 */
import { readFileSync, readdirSync } from 'node:fs';

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

function processes() {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const status = read(`/proc/${name}/status`);
    const cmdline = read(`/proc/${name}/cmdline`);
    if (!status || cmdline === null) continue;
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const rssKb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    out.push({ pid: Number(name), ppid, rssKb, cmdline: cmdline.split('\0').join(' ') });
  }
  return out;
}

/** Sum of renderer RSS (bytes) under the browser whose command line names `profileDir`. */
function rendererBytes(profileDir) {
  const all = processes();
  const root = all.find(
    (p) => p.cmdline.includes(`--user-data-dir=${profileDir}`) && !p.cmdline.includes('--type='),
  );
  if (!root) return null;
  const children = new Map();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let bytes = 0;
  const stack = [root.pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) ?? []) {
      if (c.cmdline.includes('--type=renderer')) bytes += c.rssKb * 1024;
      stack.push(c.pid);
    }
  }
  return bytes;
}

export function rendererMemory(profileDir) {
  const open = new Map(); // span name → peak bytes so far
  const peaks = [];
  const usable = process.platform === 'linux';
  const timer = setInterval(() => {
    if (!usable || open.size === 0) return;
    const bytes = rendererBytes(profileDir);
    if (bytes === null) return;
    for (const [name, peak] of open) open.set(name, Math.max(peak, bytes));
  }, 50);
  return {
    /** Feed every console message of the page through this. */
    onConsole(text) {
      const m = /^bench-phase:(start|end):(.+)$/.exec(text);
      if (!m || !usable) return;
      const [, edge, name] = m;
      if (edge === 'start') {
        open.set(name, rendererBytes(profileDir) ?? 0);
      } else if (open.has(name)) {
        peaks.push({ name, bytes: Math.max(open.get(name), rendererBytes(profileDir) ?? 0) });
        open.delete(name);
      }
    },
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}
