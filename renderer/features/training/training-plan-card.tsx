/** What the next run will use: documents per category, the categories too small to use, what is set aside, and why training cannot start. */
import type { TrainingPlan } from '../../../preload/contract';
import { formatCount, formatCountOf } from '../../format/numbers';

/** The pre-train summary. */
export function TrainingPlanCard({ plan }: { plan: TrainingPlan }) {
  const tooSmall = plan.categories.filter((c) => !c.isUsable);
  const usable = plan.categories.filter((c) => c.isUsable);
  return (
    <section className="card" aria-labelledby="plan-title" data-testid="training-plan">
      <h2 id="plan-title">What this run will use</h2>
      {plan.problem ? (
        <p className="plan-problem" role="alert">
          {plan.problem}
        </p>
      ) : (
        <p>
          {formatCountOf(plan.usableDocuments, 'labelled resume')} in {formatCountOf(usable.length, 'category', 'categories')}.
        </p>
      )}
      <ul className="plan-facts">
        <li>
          <strong>{formatCount(plan.unlabelled)}</strong> unlabelled (not used)
        </li>
        <li>
          <strong>{formatCount(plan.excluded)}</strong> excluded (not used)
        </li>
        {plan.modelLabelled > 0 ? (
          <li>
            <strong>{formatCount(plan.modelLabelled)}</strong> labelled by the model, not confirmed (trained on, left out of the held-out evaluation)
          </li>
        ) : null}
        <li>
          {tooSmall.length === 0 ? (
            'No category is too small.'
          ) : (
            <>
              Too small to train on (fewer than {plan.minDocumentsPerCategory}, left out):{' '}
              {tooSmall.map((c) => `${c.category} (${formatCount(c.documents)})`).join(', ')}
            </>
          )}
        </li>
      </ul>
      {plan.categories.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table plan-table">
            <caption className="visually-hidden">Labelled, not excluded documents per category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col" className="numeric">
                  Documents
                </th>
                <th scope="col">Used</th>
              </tr>
            </thead>
            <tbody>
              {plan.categories.map((c) => (
                <tr key={c.category} className={c.isUsable ? undefined : 'row-warning'}>
                  <th scope="row">{c.category}</th>
                  <td className="numeric">{formatCount(c.documents)}</td>
                  <td>{c.isUsable ? 'yes' : 'no, too small'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
