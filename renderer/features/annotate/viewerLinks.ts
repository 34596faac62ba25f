import { notify, reportError } from '../../components/toasts';
import { platform } from '../../platform/platform';

/**
 * Links in an article are data, not navigation. A click on one shows its full address, and it
 * opens — in the system browser, through the platform layer — only when the editor asks.
 * Returns true when the click was on a link (and has been handled).
 */
export function handleLinkClick(e: MouseEvent, root: HTMLElement): boolean {
  const anchor = (e.target as Element | null)?.closest?.('a');
  if (!anchor || !root.contains(anchor)) return false;
  e.preventDefault();
  // A selection drag that ends on a link is still a selection.
  if (!window.getSelection()?.isCollapsed) return true;
  const href = anchor.getAttribute('href') ?? '';
  if (!/^(https?:|mailto:)/i.test(href)) return true;
  notify('info', `Link to ${href}`, {
    label: 'Open in browser',
    // The platform shows the address again and opens it only when the editor confirms.
    run: () =>
      void platform.openLink({ url: href }).catch((err) => reportError('Opening the link', err)),
  });
  return true;
}
