import { chordMatches, parseChord, type KeyChord, type KeyPress } from '../../shared/commands/keys';

/**
 * The one list of things the editor can do (as Excalidraw's actions): each command has a name,
 * a label, its keys and its action, and keys, the Electron menu and buttons all run commands from
 * here, so a shortcut, a menu item and a button can never drift apart. Features register their
 * commands while mounted (the registration returns its cleanup).
 */
export interface Command {
  /** Stable name; Electron menu commands (shared/ipc/contract.ts MenuCommand) use the same names. */
  id: string;
  label: string;
  /** Key chords, e.g. "Mod+Z", "Mod+Shift+Z", "C", "Escape" (shared/commands/keys.ts). */
  keys?: readonly string[];
  /** Single-letter commands must not fire while the editor types in a field; Mod+O may. */
  inFields?: boolean;
  /** False while the command makes no sense (its key then falls through to the page). */
  enabled?: () => boolean;
  run: () => void | Promise<void>;
}

interface Registered {
  command: Command;
  chords: KeyChord[];
}

const registered = new Map<string, Registered>();
const listeners = new Set<() => void>();

export function registerCommands(commands: readonly Command[]): () => void {
  for (const command of commands) {
    registered.set(command.id, { command, chords: (command.keys ?? []).map(parseChord) });
  }
  changed();
  return () => {
    for (const command of commands) {
      if (registered.get(command.id)?.command === command) registered.delete(command.id);
    }
    changed();
  };
}

export function getCommand(id: string): Command | undefined {
  return registered.get(id)?.command;
}

export function allCommands(): Command[] {
  return [...registered.values()].map((r) => r.command);
}

/** Runs a command by name; false when none is registered or it is disabled now. */
export function runCommand(id: string): boolean {
  const command = getCommand(id);
  if (!command || command.enabled?.() === false) return false;
  void command.run();
  return true;
}

/** The enabled command a key press means, if any. */
export function commandForKey(press: KeyPress, inField: boolean): Command | undefined {
  for (const { command, chords } of registered.values()) {
    if (inField && !command.inFields) continue;
    if (command.enabled?.() === false) continue;
    if (chords.some((c) => chordMatches(c, press))) return command;
  }
  return undefined;
}

export function subscribeCommands(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const l of listeners) l();
}
