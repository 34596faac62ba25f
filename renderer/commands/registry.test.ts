import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandForKey, getCommand, registerCommands, runCommand } from './registry';

const key = (k: string, ctrlKey = false) => ({
  key: k,
  ctrlKey,
  metaKey: false,
  shiftKey: false,
  altKey: false,
});

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

describe('command registry', () => {
  it('finds a command by its keys, not while typing unless it allows it', () => {
    const tag = vi.fn();
    const open = vi.fn();
    cleanup = registerCommands([
      { id: 'tag-claim', label: 'Tag claim', keys: ['C'], run: tag },
      { id: 'import-files', label: 'Import…', keys: ['Mod+O'], inFields: true, run: open },
    ]);
    expect(commandForKey(key('c'), false)?.id).toBe('tag-claim');
    expect(commandForKey(key('c'), true)).toBeUndefined();
    expect(commandForKey(key('o', true), true)?.id).toBe('import-files');
    expect(runCommand('tag-claim')).toBe(true);
    expect(tag).toHaveBeenCalledTimes(1);
  });

  it('skips disabled commands and forgets them on cleanup', () => {
    let on = false;
    cleanup = registerCommands([
      { id: 'next', label: 'Next', keys: ['J'], enabled: () => on, run: () => {} },
    ]);
    expect(commandForKey(key('j'), false)).toBeUndefined();
    expect(runCommand('next')).toBe(false);
    on = true;
    expect(commandForKey(key('j'), false)?.id).toBe('next');
    cleanup();
    cleanup = null;
    expect(getCommand('next')).toBeUndefined();
  });
});
