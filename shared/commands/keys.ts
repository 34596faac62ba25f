/**
 * Key chords as the command registry writes them ("Mod+Shift+Z", "C", "Escape"): parsed once,
 * matched against key events. `Mod` is Ctrl on Windows/Linux and Cmd on macOS; either counts, so
 * the same chord works in a browser on any system.
 */

export interface KeyChord {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** The parts of a KeyboardEvent a chord looks at (plain data, so this stays testable in Node). */
export interface KeyPress {
  key: string;
  /** Physical key ("KeyB"): letters match by it too, since Alt changes the character on macOS. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function parseChord(chord: string): KeyChord {
  const parts = chord.split('+');
  const key = parts.pop();
  if (!key) throw new Error(`Empty key chord "${chord}".`);
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  for (const m of mods) {
    if (m !== 'mod' && m !== 'shift' && m !== 'alt') {
      throw new Error(`Unknown modifier "${m}" in key chord "${chord}".`);
    }
  }
  return {
    key: key.toLowerCase(),
    mod: mods.has('mod'),
    shift: mods.has('shift'),
    alt: mods.has('alt'),
  };
}

export function chordMatches(chord: KeyChord, press: KeyPress): boolean {
  return (
    (press.key.toLowerCase() === chord.key ||
      (chord.key.length === 1 && press.code === `Key${chord.key.toUpperCase()}`)) &&
    (press.ctrlKey || press.metaKey) === chord.mod &&
    press.shiftKey === chord.shift &&
    press.altKey === chord.alt
  );
}

/** How a chord is shown next to a label ("Ctrl+Shift+Z", "⌘⇧Z" on macOS). */
export function formatChord(chord: string, mac: boolean): string {
  const c = parseChord(chord);
  const key = c.key.length === 1 ? c.key.toUpperCase() : c.key[0]!.toUpperCase() + c.key.slice(1);
  if (mac) return `${c.mod ? '⌘' : ''}${c.alt ? '⌥' : ''}${c.shift ? '⇧' : ''}${key}`;
  return [c.mod ? 'Ctrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}
