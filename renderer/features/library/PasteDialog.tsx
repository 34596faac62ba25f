import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { importPastedText } from './importActions';

export function PasteDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!text.trim()) return;
    setBusy(true);
    const report = await importPastedText(text);
    setBusy(false);
    if (report) onClose();
  };
  return (
    <Dialog title="Paste as a new article" onClose={onClose} testId="paste-dialog">
      <p className="hint">
        Paste the article text. The first sentence becomes its title; you can import files instead
        with Ctrl+O.
      </p>
      <textarea
        autoFocus
        rows={14}
        aria-label="Article text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      />
      <DialogActions
        onCancel={onClose}
        label="Add article (Ctrl+Enter)"
        onConfirm={() => void submit()}
        disabled={!text.trim() || busy}
      />
    </Dialog>
  );
}
