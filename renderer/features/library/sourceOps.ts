import type { Article } from '../../../shared/model/types';
import {
  planSourceEdit,
  SOURCE_FIELD_LABELS,
  type SourceField,
} from '../../../shared/text/sourceFields';
import { db } from '../../db/database';
import { applyChange } from '../../state/history';

/** Saves one source field as one undoable change; returns the reason when the value is refused. */
export async function editSourceField(
  articleId: string,
  field: SourceField,
  raw: string,
): Promise<string | null> {
  let refused: string | null = null;
  await applyChange(`Edit ${SOURCE_FIELD_LABELS[field].toLowerCase()}`, async () => {
    const before = await db.articles.get(articleId);
    if (!before) throw new Error('the article is no longer in the library');
    const plan = planSourceEdit<Article>(before, field, raw, Date.now());
    if (!plan.ok) {
      refused = plan.reason;
      return [];
    }
    return plan.changed ? [{ table: 'articles', key: articleId, after: plan.after }] : [];
  });
  return refused;
}
