import { describe, expect, it } from 'vitest';
import { chordMatches, formatChord, parseChord } from './keys';

const press = (
  key: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('key chords', () => {
  it('matches Mod as Ctrl or Cmd, and needs the exact modifiers', () => {
    const undo = parseChord('Mod+Z');
    expect(chordMatches(undo, press('z', { ctrlKey: true }))).toBe(true);
    expect(chordMatches(undo, press('Z', { metaKey: true }))).toBe(true);
    expect(chordMatches(undo, press('z'))).toBe(false);
    expect(chordMatches(undo, press('z', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(
      chordMatches(parseChord('Mod+Shift+Z'), press('Z', { ctrlKey: true, shiftKey: true })),
    ).toBe(true);
  });

  it('letters also match by physical key (Alt+B types ∫ on macOS)', () => {
    const fold = parseChord('Mod+Alt+B');
    expect(
      chordMatches(fold, { ...press('∫', { metaKey: true, altKey: true }), code: 'KeyB' }),
    ).toBe(true);
    expect(
      chordMatches(fold, { ...press('∫', { metaKey: true, altKey: true }), code: 'KeyN' }),
    ).toBe(false);
  });

  it('plain letters do not fire with a modifier held', () => {
    const claim = parseChord('C');
    expect(chordMatches(claim, press('c'))).toBe(true);
    expect(chordMatches(claim, press('c', { ctrlKey: true }))).toBe(false);
    expect(chordMatches(parseChord('Escape'), press('Escape'))).toBe(true);
  });

  it('refuses unknown modifiers and formats per platform', () => {
    expect(() => parseChord('Hyper+X')).toThrow(/Unknown modifier "hyper"/);
    expect(formatChord('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(formatChord('Mod+Shift+Z', true)).toBe('⌘⇧Z');
    expect(formatChord('Escape', false)).toBe('Escape');
  });
});
