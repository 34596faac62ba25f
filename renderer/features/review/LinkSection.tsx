import type { Annotation } from '../../../shared/model/types';

/** Placeholder until claim groups land: the "Link to…" part of the annotation panel. */
export function LinkSection(_props: { annotation: Annotation }) {
  return null;
}
