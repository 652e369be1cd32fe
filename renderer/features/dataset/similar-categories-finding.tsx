/** A data-health finding: categories whose names differ only by case, spacing or punctuation, with a one-click merge. */
import { useState } from 'react';
import type { SimilarCategories } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useShowError } from '../../app/error-toasts';
import { Icon } from '../../components/icon';
import { formatCount, formatCountOf } from '../../format/numbers';
import { hashForResumes } from '../curation/curation-url';

/** One group of similar names; the merge keeps the biggest and says how many resumes move (undoable). */
export function SimilarCategoriesFinding({ group }: { group: SimilarCategories }) {
  const client = useStudio();
  const showError = useShowError();
  const [isBusy, setBusy] = useState(false);
  const others = group.categories.filter((c) => c.category !== group.suggested);
  const moving = others.reduce((sum, c) => sum + c.documents, 0);
  const names = group.categories.map((c) => `${c.category} (${formatCount(c.documents)})`).join(', ');
  const merge = () => {
    setBusy(true);
    client
      .call('categories.merge', { from: others.map((c) => c.category), into: group.suggested })
      .catch((error: unknown) => showError(error, 'Could not merge the categories'))
      .finally(() => setBusy(false));
  };
  return (
    <li className="finding attention" data-testid="health-similar">
      <Icon name="circle" size={16} />
      <div>
        <span className="finding-label">
          <a href={hashForResumes({ filter: { categories: group.categories.map((c) => c.category) } })}>Same category, different spelling</a>
          <span className="finding-count">{formatCount(group.categories.length)}</span>
        </span>
        <span className="finding-detail">{names}</span>
        <button type="button" className="button small" onClick={merge} disabled={isBusy}>
          Merge into {group.suggested} ({formatCountOf(moving, 'resume')} {moving === 1 ? 'moves' : 'move'})
        </button>
      </div>
    </li>
  );
}
