import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { platform } from '../platform/platform';
import { redo, undo } from '../state/history';
import { selectAnnotation, uiStore } from '../state/uiState';
import { notify, reportError } from '../components/toasts';
import { deleteAnnotations } from '../features/annotate/annotationOps';
import { inTextOrder } from '../features/annotate/annotationsAt';
import { readPendingSpan, tagSpan, type PendingSpan } from '../features/annotate/tagSelection';
import { viewersForArticle } from '../features/annotate/viewerRegistry';
import { importFromDialog } from '../features/library/importActions';
import { typingInField } from '../components/keyboard';
import { annotationsOf } from '../db/queries';

export interface AppCommands {
  askSpeaker: (span: PendingSpan) => void;
  openPaste: () => void;
  /** File › Open web address… (Ctrl/Cmd+L). */
  openUrl?: () => void;
  /** Extra menu commands handled by features (bundle import/export, review). */
  onMenu?: (cmd: MenuCommand) => boolean;
}

export async function runUndo(which: 'undo' | 'redo'): Promise<void> {
  try {
    const change = which === 'undo' ? await undo() : await redo();
    notify(
      'info',
      change ? `${which === 'undo' ? 'Undid' : 'Redid'}: ${change.label}.` : `Nothing to ${which}.`,
    );
  } catch (e) {
    reportError(which === 'undo' ? 'Undo' : 'Redo', e);
  }
}

/** Keyboard shortcuts and Electron menu commands, in one place so both do the same thing. */
export function useAppKeys(commands: AppCommands): void {
  useEffect(() => {
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
      const list = inTextOrder(await annotationsOf(openArticleId));
      if (list.length === 0) return;
      const at = list.findIndex((a) => a.id === selectedAnnotationId);
      const next =
        list[
          at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length
        ]!;
      selectAnnotation(next.id);
      for (const v of viewersForArticle(openArticleId)) v.scrollToOffset(next.position.start);
    };

    const menu = (cmd: MenuCommand) => {
      if (commands.onMenu?.(cmd)) return;
      if (cmd === 'undo' || cmd === 'redo') void runUndo(cmd);
      else if (cmd === 'import-files') void importFromDialog();
      else if (cmd === 'paste-article') commands.openPaste();
      else if (cmd === 'open-url') commands.openUrl?.();
      else if (cmd === 'find')
        document.querySelector<HTMLInputElement>('[data-testid="library-search"]')?.focus();
    };

    const onKey = (e: KeyboardEvent) => {
      // Not e.defaultPrevented: Lexical prevents Escape and others in the viewer, yet they are ours.
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const inField = typingInField(e.target);
      if (mod && !e.altKey) {
        if (key === 'z' && !inField) {
          e.preventDefault();
          menu(e.shiftKey ? 'redo' : 'undo');
        } else if (key === 'y' && !inField) {
          e.preventDefault();
          menu('redo');
        } else if (key === 'o') {
          e.preventDefault();
          menu('import-files');
        } else if (key === 'v' && e.shiftKey && !inField) {
          e.preventDefault();
          menu('paste-article');
        } else if (key === 'l') {
          e.preventDefault();
          menu('open-url');
        } else if (key === 'f') {
          e.preventDefault();
          menu('find');
        } else if (key === 'e') {
          e.preventDefault();
          menu('export-bundle');
        }
        return;
      }
      if (inField || e.altKey) return;
      if (key === 'c' && !e.shiftKey) {
        e.preventDefault();
        void tag('claim');
      } else if (key === 'q' && !e.shiftKey) {
        e.preventDefault();
        void tag('quote');
      } else if (key === 'escape') {
        selectAnnotation(null);
      } else if ((key === 'delete' || key === 'backspace') && uiStore.get().selectedAnnotationId) {
        e.preventDefault();
        const id = uiStore.get().selectedAnnotationId!;
        void deleteAnnotations([id])
          .then(() => {
            selectAnnotation(null);
            notify('info', 'Annotation deleted.', {
              label: 'Undo',
              run: () => void runUndo('undo'),
            });
          })
          .catch((err) => reportError('Deleting the annotation', err));
      } else if ((key === 'j' || key === 'k') && uiStore.get().view === 'read') {
        e.preventDefault();
        void step(key === 'j' ? 1 : -1);
      }
    };
    window.addEventListener('keydown', onKey);
    const offMenu = platform.onMenuCommand(menu);
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [commands]);
}
