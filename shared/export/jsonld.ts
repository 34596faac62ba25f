import { toIso } from '../bundle/format';
import { toAnnotationCollection } from '../bundle/jsonld';
import type { Workspace } from '../bundle/types';
import { collectionJson } from '../bundle/write';

/**
 * The workspace's annotations and claim groups as one W3C Web Annotation AnnotationCollection
 * (JSON-LD), identical to a bundle's annotations.jsonld written at the same `now`. Articles are
 * referenced as urn:corroborate:article:<sha256>; their texts are only in the full bundle.
 * Suggested file name: `<name>.jsonld`, media type application/ld+json;
 * profile="http://www.w3.org/ns/anno.jsonld".
 */
export function exportJsonLd(ws: Workspace, opts: { now: number }): string {
  return collectionJson(toAnnotationCollection(ws, toIso(opts.now)));
}
