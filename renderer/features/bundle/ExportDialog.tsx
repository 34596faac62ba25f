import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Dialog } from '../../components/Dialog';
import { DialogActions } from '../../components/DialogActions';
import { db } from '../../db/database';
import { EXPORT_FORMATS, type ExportFormat } from './exportData';
import { runExport } from './bundleCommands';
import { saveOrganisation, useOrganisation } from '../review/workspaceSettings';
import { useLiveArticles } from '../../state/liveArticles';

/** Export…: what to export (everything or chosen articles) and in which format. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const articles = useLiveArticles()?.list;
  const queued = useLiveQuery(() => db.reanchorQueue.count(), []);
  const [scope, setScope] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [format, setFormat] = useState<ExportFormat>('bundle');
  const count = scope === 'all' ? (articles?.length ?? 0) : chosen.size;
  const savedOrg = useOrganisation();
  const [org, setOrg] = useState<{ name: string; url: string } | null>(null);
  const orgShown = org ?? savedOrg ?? { name: '', url: '' };

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async () => {
    if (count === 0) return;
    // The organisation is a workspace setting: saved here so the next export remembers it.
    if (format === 'claimreview' && org) await saveOrganisation(org);
    onClose();
    void runExport(format, scope === 'all' ? null : [...chosen]);
  };

  return (
    <Dialog title="Export" onClose={onClose} testId="export-dialog">
      <fieldset className="export-choice">
        <legend>What</legend>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'all'}
            onChange={() => setScope('all')}
          />
          The whole workspace ({articles?.length ?? 0} articles)
        </label>
        <label>
          <input
            type="radio"
            name="export-scope"
            checked={scope === 'chosen'}
            onChange={() => setScope('chosen')}
          />
          Chosen articles
        </label>
        {scope === 'chosen' && (
          <ul className="export-articles" data-testid="export-articles">
            {(articles ?? []).map((a) => (
              <li key={a.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(a.id)} onChange={() => toggle(a.id)} />
                  {a.title}
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset className="export-choice">
        <legend>Format</legend>
        {EXPORT_FORMATS.map((f) => (
          <label key={f.id} title={f.hint}>
            <input
              type="radio"
              name="export-format"
              value={f.id}
              checked={format === f.id}
              onChange={() => setFormat(f.id)}
            />
            {f.label} <span className="hint">.{f.extension}</span>
          </label>
        ))}
        <p className="hint">{EXPORT_FORMATS.find((f) => f.id === format)!.hint}</p>
      </fieldset>
      {format === 'claimreview' && (
        <fieldset className="export-choice" data-testid="export-organisation">
          <legend>Organisation (the fact-check’s author)</legend>
          <label>
            Name{' '}
            <input
              type="text"
              value={orgShown.name}
              onChange={(e) => setOrg({ ...orgShown, name: e.target.value })}
            />
          </label>
          <label>
            Web address of your fact-checks{' '}
            <input
              type="url"
              placeholder="https://…"
              value={orgShown.url}
              onChange={(e) => setOrg({ ...orgShown, url: e.target.value })}
            />
          </label>
        </fieldset>
      )}
      {!!queued && (
        <p className="hint warning" data-testid="export-queue-warning">
          {queued} imported annotation{queued === 1 ? ' is' : 's are'} still waiting to be placed
          and will not be exported; place or discard {queued === 1 ? 'it' : 'them'} first.
        </p>
      )}
      <DialogActions
        onCancel={onClose}
        label={`Export ${count} article${count === 1 ? '' : 's'}`}
        onConfirm={() => void submit()}
        disabled={count === 0}
        testId="export-confirm"
      />
    </Dialog>
  );
}
