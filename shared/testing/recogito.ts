// Test-only: the rules by which RecogitoJS (and Annotorious, which shares its core) loads W3C Web
// Annotations, ported line for line so exports can be checked against them without the package
// (not installed, and it needs a DOM). Sources, read from the public repositories:
//  - recogito/recogito-client-core src/WebAnnotation.js (commit 103e8967): `selector(type)`
//    reads `target.selector` (a single object or an array) of the *annotation's* `target`, and
//    `quote`, `start`, `end` dereference the TextQuoteSelector / TextPositionSelector found.
//  - recogito/recogito-js src/TextAnnotator.jsx (commit 2239180f): `setAnnotations` clones
//    every annotation, then `highlighter.init(clones)` and `relationsLayer.init(clones)`.
//  - recogito/recogito-js src/highlighter/Highlighter.js (commit 11952c90): `init` keeps the
//    annotations for which `selector('TextPositionSelector')` is truthy, sorts them by `start`
//    and paints `start`..`end` (character offsets into the text).
//  - recogito/recogito-js src/relations/RelationsLayer.js (commit 2a3bb281): `init` treats an
//    annotation as a relation when `motivation === 'linking'` and every one of `targets`
//    (target normalised to an array) has an `id` starting with '#'; it then needs both ends
//    painted in the text.

type Json = Record<string, unknown>;

/** recogito-client-core WebAnnotation, the parts the text annotator uses. */
export class RecogitoWebAnnotation {
  constructor(readonly underlying: Json) {}
  get id(): unknown {
    return this.underlying.id;
  }
  get motivation(): unknown {
    return this.underlying.motivation;
  }
  get targets(): unknown[] {
    const t = this.underlying.target;
    return Array.isArray(t) ? t : [t];
  }
  selector(type: string): Json | undefined {
    const target = this.underlying.target as Json; // throws below when there is no target
    if (target.selector) {
      const selectors = (
        Array.isArray(target.selector) ? target.selector : [target.selector]
      ) as Json[];
      return selectors.find((s) => s.type === type);
    }
    return undefined;
  }
  get quote(): string {
    return this.selector('TextQuoteSelector')!.exact as string;
  }
  get start(): number {
    return this.selector('TextPositionSelector')!.start as number;
  }
  get end(): number {
    return this.selector('TextPositionSelector')!.end as number;
  }
}

export interface RecogitoLoad {
  /** What the highlighter paints: id, quote and character range. */
  highlights: { id: unknown; quote: string; start: number; end: number }[];
  /** Annotations the relations layer would draw as arrows between two highlights. */
  relations: unknown[];
}

/**
 * What `TextAnnotator.setAnnotations` does with a list of annotations, minus the DOM work.
 * Throws where Recogito throws (e.g. an annotation without a target, a null target).
 */
export function recogitoLoad(items: Json[]): RecogitoLoad {
  const clones = items.map((a) => new RecogitoWebAnnotation({ ...a }));
  const highlights = clones
    .filter((a) => a.selector('TextPositionSelector'))
    .sort((a, b) => b.start - a.start)
    .map((a) => ({ id: a.id, quote: a.quote, start: a.start, end: a.end }));
  const relations = clones
    .filter((a) => {
      const allTargetsHashIds = a.targets.every((t) => {
        const id = (t as Json).id; // a null target throws here, as in Recogito
        return typeof id === 'string' && id.startsWith('#');
      });
      return allTargetsHashIds && a.motivation === 'linking';
    })
    .map((a) => a.id);
  return { highlights, relations };
}
