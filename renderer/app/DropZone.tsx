import { useState, type ReactNode } from 'react';
import { importDroppedFiles } from '../features/library/importActions';

/** Files dropped anywhere on the window are imported as articles. */
export function DropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  const hasFiles = (e: React.DragEvent) => e.dataTransfer.types.includes('Files');
  return (
    <div
      className="drop-root"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void importDroppedFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden>
          Drop .txt, .md or .html files to import them
        </div>
      )}
    </div>
  );
}
