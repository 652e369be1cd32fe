/** How the loop is doing: the model in use (and whether it is refreshing), the share of suggestions accepted, the accuracy it expects on the rest, and what is left. */
import type { LabellingStatus } from '../../../preload/contract';
import { formatCount, formatFixed, formatPercent } from '../../format/numbers';
import { hashForResumes } from '../curation/curation-url';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The figures as a description list; the model line is a live region, so a refresh is announced. */
export function LabellingStats({ status }: { status: LabellingStatus }) {
  const { model, answers, reviewThreshold } = status;
  return (
    <section className="card labelling-stats" aria-label="How the model is doing">
      <dl>
        <div>
          <dt>Model</dt>
          <dd data-testid="labelling-model">
            <span role="status">
              {model
                ? `Version ${model.version}, from ${formatCount(model.trainedOn)} of your labels, refreshed at ${timeFormat.format(new Date(model.refreshedAt))} in ${formatFixed(model.refreshSeconds, model.refreshSeconds < 1 ? 2 : 1)} s`
                : status.isRefreshing
                  ? 'Training the first model…'
                  : 'None yet'}
              {model && status.isRefreshing ? ' · refreshing…' : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>Suggestions accepted (last {answers.window})</dt>
          <dd data-testid="accepted-share">
            {answers.answered === 0
              ? 'No answers yet'
              : `${formatPercent(answers.accepted / answers.answered, 0)} (${formatCount(answers.accepted)} of ${formatCount(answers.answered)})`}
          </dd>
        </div>
        <div>
          <dt>Expected accuracy on the rest</dt>
          <dd data-testid="estimated-accuracy">{status.estimatedAccuracy === null ? '—' : formatPercent(status.estimatedAccuracy, 0)}</dd>
        </div>
        <div>
          <dt>Unlabelled left</dt>
          <dd data-testid="unlabelled-left">{formatCount(status.unlabelled)}</dd>
        </div>
        <div>
          <dt>Sure enough to accept</dt>
          <dd>{reviewThreshold ? `${formatCount(status.confident)} at ${formatPercent(reviewThreshold.value, 0)} or more` : '—'}</dd>
        </div>
        <div>
          <dt>Labelled by the model</dt>
          <dd>
            <a href={hashForResumes({ filter: { modelLabelled: 'only' } })}>{formatCount(status.modelLabelled)} not confirmed</a>
          </dd>
        </div>
      </dl>
    </section>
  );
}
