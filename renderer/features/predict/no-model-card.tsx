/** What the Predict page says while there is no model: why, and the way to the Train page. */
import { hashForRoute } from '../../app/routes';

/** The reason in a sentence and a button to Train. */
export function NoModelCard({ reason }: { reason: string }) {
  return (
    <section className="card no-model" aria-labelledby="no-model-title">
      <h2 id="no-model-title">No model to predict with</h2>
      <p>{reason}</p>
      <div className="button-row">
        <a className="button primary" href={hashForRoute('train')}>
          Go to Train
        </a>
      </div>
    </section>
  );
}
