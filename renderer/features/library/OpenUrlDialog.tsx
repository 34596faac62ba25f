import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { platform } from '../../platform/platform';
import { BROWSER_FETCH_MESSAGE } from '../../platform/browserPlatform';
import { importFromDialog, importFromUrl } from './importActions';

/** File › Open web address… (Ctrl/Cmd+L). */
export function OpenUrlDialog({ onClose }: { onClose: () => void }) {
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const desktop = platform.kind === 'electron';
  const submit = async () => {
    if (!address.trim() || busy || !desktop) return;
    setBusy(true);
    setError(null);
    try {
      const outcome = await importFromUrl(address.trim());
      if (outcome === 'imported') onClose();
      // Cancelled: the dialog stays, with the address, to try again or close.
      else if (outcome !== 'cancelled')
        setError(`Could not open ${address.trim()}: ${outcome.reason}.`);
    } catch (e) {
      setError(`Could not open the address: ${e instanceof Error ? e.message : String(e)}.`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Open a web address" onClose={onClose} testId="open-url-dialog">
      {desktop ? (
        <p className="hint">
          The page is downloaded (no cookies, at most 20 MB, 20 seconds), cleaned of menus and ads
          and imported like a saved file.
        </p>
      ) : (
        <p className="notice" role="alert" data-testid="open-url-browser-note">
          {BROWSER_FETCH_MESSAGE}
        </p>
      )}
      <input
        type="url"
        autoFocus
        aria-label="Web address"
        placeholder="https://"
        value={address}
        disabled={!desktop}
        onChange={(e) => setAddress(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void submit();
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {desktop ? (
        <DialogActions
          onCancel={onClose}
          label={busy ? 'Opening…' : 'Open (Enter)'}
          onConfirm={() => void submit()}
          disabled={!address.trim() || busy}
        />
      ) : (
        <DialogActions
          onCancel={onClose}
          label="Import a saved page…"
          onConfirm={() => {
            onClose();
            void importFromDialog();
          }}
        />
      )}
    </Dialog>
  );
}
