import { useStore } from '../../state/createStore';
import { ProgressDialog } from '../bundle/ProgressDialog';
import { importTaskStore } from './importTask';

/** The progress dialog of a long article import (pages of a PDF, files of a batch), with Cancel. */
export function ImportProgress() {
  const task = useStore(importTaskStore, (s) => s.task);
  return task ? <ProgressDialog task={task} /> : null;
}
