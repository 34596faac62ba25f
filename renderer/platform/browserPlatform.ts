import type { OpenedFile, OpenFilesRequest, SaveFileRequest } from '../../shared/ipc/contract';
import { formatBytes } from '../../shared/text/decode';
import type { Platform } from './platform';

export const BROWSER_FETCH_MESSAGE =
  'Opening a web address needs the desktop app: browsers block reading other sites (CORS). Save the page in your browser (Ctrl+S, “Web page, HTML only”) and import the file instead.';

/** Browser mode: a hidden file input for Open, a download link for Save; no menu. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    openFiles: (req) => pickFiles(req),
    async saveFile(req: SaveFileRequest) {
      const blob = new Blob([req.data as BlobPart], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = req.suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the download a moment to start before releasing the blob.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { canceled: false, name: req.suggestedName };
    },
    async openLink({ url }) {
      // Same policy as Electron's main process: plain http(s) only, the address shown first.
      if (!isPlainWebAddress(url)) return { opened: false, refused: 'unsafe' };
      if (!window.confirm(`Open this address in your browser?\n\n${url}`)) {
        return { opened: false, refused: 'declined' };
      }
      window.open(url, '_blank', 'noopener,noreferrer');
      return { opened: true, refused: null };
    },
    onMenuCommand: () => () => {},
    async fetchUrl() {
      return { ok: false, reason: BROWSER_FETCH_MESSAGE };
    },
    async allowSyncServer() {
      // The page's CSP came with the build (CORROBORATE_SYNC_SERVER); it cannot change here.
      return { origin: null, reload: false };
    },
  };
}

function pickFiles(req: OpenFilesRequest): Promise<{ canceled: boolean; files: OpenedFile[] }> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = req.multiple;
    input.accept = req.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.style.display = 'none';
    input.setAttribute('data-testid', 'file-input');
    document.body.append(input);
    const finish = async (files: File[]) => {
      input.remove();
      resolve({ canceled: files.length === 0, files: await readFiles(files, req.maxBytes) });
    };
    input.addEventListener('change', () => void finish([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => void finish([]), { once: true });
    input.click();
  });
}

/** Reads dropped or picked files, refusing oversized ones by their size before reading a byte. */
export async function readFiles(files: File[], maxBytes: number): Promise<OpenedFile[]> {
  return Promise.all(
    files.map(async (file): Promise<OpenedFile> => {
      if (file.size > maxBytes) {
        return {
          name: file.name,
          size: file.size,
          bytes: null,
          error: `the file is ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit`,
        };
      }
      try {
        return {
          name: file.name,
          size: file.size,
          bytes: new Uint8Array(await file.arrayBuffer()),
          error: null,
        };
      } catch (e) {
        return {
          name: file.name,
          size: file.size,
          bytes: null,
          error: `it could not be read (${String(e)})`,
        };
      }
    }),
  );
}

function isPlainWebAddress(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}
