import { useEffect } from 'react';
import { platform } from '../platform/platform';
import { nextReplay, redo, undo } from '../state/history';
import { withChangeProgress } from '../features/changes/changeTask';
import { ChangeCancelled } from '../db/changes';
import { selectAnnotation, togglePanel, uiStore } from '../state/uiState';
import { notify, reportError } from '../components/toasts';
import { deleteAnnotations } from '../features/annotate/annotationOps';
import { readPendingSpan, tagSpan, type PendingSpan } from '../features/annotate/tagSelection';
import { viewersForArticle } from '../features/annotate/viewerRegistry';
import { importFromDialog } from '../features/library/importActions';
import { typingInField } from '../components/keyboard';
import { annotationsOf } from '../db/queries';
import { commandForKey, registerCommands, runCommand, type Command } from '../commands/registry';

export interface AppCommands {
  askSpeaker: (span: PendingSpan) => void;
  openPaste: () => void;
  /** File › Open web address… (Ctrl/Cmd+L). */
  openUrl?: () => void;
}

export async function runUndo(which: 'undo' | 'redo'): Promise<void> {
  const label = nextReplay(which)?.label ?? '';
  try {
    // Undoing a wipe of 100,000 rows is as long as the wipe: it gets the same progress dialog.
    const change = await withChangeProgress(
      `${which === 'undo' ? 'Undoing' : 'Redoing'}: ${label}`,
      (progress) => (which === 'undo' ? undo(progress) : redo(progress)),
    );
    notify(
      'info',
      change ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${change.label}.` : `Nothing to ${which}.`,
    );
  } catch (e) {
    if (e instanceof ChangeCancelled)
      notify('info', `${which === 'undo' ? 'Undo' : 'Redo'} cancelled.`);
    else reportError(which === 'undo' ? 'Undo' : 'Redo', e);
  }
}

/** The app-wide commands (features register their own); see renderer/commands/registry.ts. */
function appCommands(commands: AppCommands): Command[] {
  const tag = async (kind: 'claim' | 'quote') => {
    const span = await readPendingSpan();
    if (!span) {
      notify('info', `Select some text first, then press ${kind === 'claim' ? 'C' : 'Q'}.`);
      return;
    }
    if (kind === 'quote') commands.askSpeaker(span);
    else await tagSpan(span, 'claim');
  };

  const step = async (delta: 1 | -1) => {
    const { openArticleId, selectedAnnotationId } = uiStore.get();
    if (!openArticleId) return;
    // Already in reading order (queries.ts): sorting 100,000 rows again was a long task per key.
    const list = await annotationsOf(openArticleId);
    if (list.length === 0) return;
    const at = list.findIndex((a) => a.id === selectedAnnotationId);
    const next =
      list[at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length]!;
    selectAnnotation(next.id);
    for (const v of viewersForArticle(openArticleId)) v.scrollToOffset(next.position.start);
  };

  const deleteSelected = async () => {
    const id = uiStore.get().selectedAnnotationId;
    if (!id) return;
    try {
      await deleteAnnotations([id]);
      selectAnnotation(null);
      notify('info', 'Annotation deleted.', { label: 'Undo', run: () => void runUndo('undo') });
    } catch (err) {
      reportError('Deleting the annotation', err);
    }
  };

  const inRead = () => uiStore.get().view === 'read';
  return [
    { id: 'undo', label: 'Undo', keys: ['Mod+Z'], run: () => runUndo('undo') },
    { id: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], run: () => runUndo('redo') },
    {
      id: 'import-files',
      label: 'Import…',
      keys: ['Mod+O'],
      inFields: true,
      run: () => importFromDialog(),
    },
    { id: 'paste-article', label: 'Paste article', keys: ['Mod+Shift+V'], run: commands.openPaste },
    {
      id: 'open-url',
      label: 'Open web address…',
      keys: ['Mod+L'],
      inFields: true,
      run: () => commands.openUrl?.(),
    },
    {
      id: 'find',
      label: 'Search the library',
      keys: ['Mod+F'],
      inFields: true,
      run: () =>
        document.querySelector<HTMLInputElement>('[data-testid="library-search"]')?.focus(),
    },
    { id: 'tag-claim', label: 'Tag as claim', keys: ['C'], run: () => tag('claim') },
    { id: 'tag-quote', label: 'Tag as quote', keys: ['Q'], run: () => tag('quote') },
    {
      id: 'deselect',
      label: 'Close the panel',
      keys: ['Escape'],
      run: () => selectAnnotation(null),
    },
    {
      id: 'delete-annotation',
      label: 'Delete annotation',
      keys: ['Delete', 'Backspace'],
      enabled: () => !!uiStore.get().selectedAnnotationId,
      run: deleteSelected,
    },
    {
      id: 'toggle-library',
      label: 'Fold the library',
      keys: ['Mod+B'],
      inFields: true,
      run: () => togglePanel('library'),
    },
    {
      id: 'toggle-inspector',
      label: 'Fold the annotation panel',
      keys: ['Mod+Alt+B'],
      inFields: true,
      run: () => togglePanel('inspector'),
    },
    {
      id: 'next-annotation',
      label: 'Next annotation',
      keys: ['J'],
      enabled: inRead,
      run: () => step(1),
    },
    {
      id: 'previous-annotation',
      label: 'Previous annotation',
      keys: ['K'],
      enabled: inRead,
      run: () => step(-1),
    },
  ];
}

/**
 * Registers the app-wide commands and routes every key press and Electron menu command through
 * the registry, so a shortcut, a menu item and a button always do the same thing.
 */
export function useAppKeys(commands: AppCommands): void {
  useEffect(() => registerCommands(appCommands(commands)), [commands]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not e.defaultPrevented: Lexical prevents Escape and others in the viewer, yet they are ours.
      if (document.querySelector('dialog[open]')) return;
      const command = commandForKey(e, typingInField(e.target));
      if (!command) return;
      // Escape also closes other things (menus, fields): it is ours, but not exclusively.
      if (command.id !== 'deselect') e.preventDefault();
      void Promise.resolve(command.run()).catch((err) => reportError(command.label, err));
    };
    window.addEventListener('keydown', onKey);
    const offMenu = platform.onMenuCommand((cmd) => {
      if (!runCommand(cmd)) notify('info', `“${cmd}” is not available here.`);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);
}
