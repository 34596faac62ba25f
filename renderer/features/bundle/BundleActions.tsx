import type { MenuCommand } from '../../../shared/ipc/contract';

/** Placeholder: bundle export/import (issue 4). */
export function BundleActions() {
  return null;
}

export function handleBundleMenu(_cmd: MenuCommand): boolean {
  return false;
}
