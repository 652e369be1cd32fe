/** Confirms "accept the confident ones": how many resumes, at which threshold, and what model-labelled means. */
import type { LabellingStatus } from '../../../preload/contract';
import { ModalDialog } from '../../components/modal-dialog';
import { formatCount, formatPercent } from '../../format/numbers';

/** Props of AcceptConfidentDialog. */
export interface AcceptConfidentDialogProps {
  status: LabellingStatus;
  isBusy: boolean;
  onAccept(): void;
  onClose(): void;
}

/** The dialog; the Accept button is focused first. */
export function AcceptConfidentDialog({ status, isBusy, onAccept, onClose }: AcceptConfidentDialogProps) {
  const threshold = status.reviewThreshold;
  return (
    <ModalDialog title="Accept the confident ones" onClose={onClose}>
      <p>
        Label <strong>{formatCount(status.confident)}</strong> unlabelled resumes with the model&apos;s suggestion: every one it is at least{' '}
        <strong>{formatPercent(threshold?.value ?? 1, 0)}</strong> sure of (the review threshold Predict uses{threshold?.isCustom ? ', set in Settings' : ''}).
      </p>
      {threshold ? <p className="muted">{threshold.basis}</p> : null}
      <p>
        They are marked <em>labelled by the model</em>: training uses them, but no evaluation counts them until you confirm them (Dataset → Browse and label,
        filter “Labelled by”). One step: Ctrl+Z undoes it.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" data-autofocus disabled={isBusy || status.confident === 0} onClick={onAccept}>
          Accept {formatCount(status.confident)}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
