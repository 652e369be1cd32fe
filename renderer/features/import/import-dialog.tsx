/** The Import dialog: choose a source → preview (with CSV / JSONL column mapping) → progress. */
import { useEffect, useRef, useState } from 'react';
import type { ImportJob, ImportPreview } from '../../../preload/contract';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { ModalDialog } from '../../components/modal-dialog';
import { useActivityStore } from '../activity/activity-context';
import type { ColumnChoice } from './column-mapping-form';
import { ImportPreviewStep } from './import-preview-step';
import { ImportProgressStep } from './import-progress-step';
import { ImportSourceStep } from './import-source-step';
import { useImportTracking } from './use-import-activity';

type Step = { kind: 'checking' } | { kind: 'source' } | { kind: 'preview'; preview: ImportPreview } | { kind: 'progress'; job: ImportJob };

const noMapping: ColumnChoice = { textColumn: '', labelColumn: '' };

/** The mapping for a preview: only the columns chosen, so the backend's guess fills the rest. */
const previewMapping = (mapping: ColumnChoice) => ({
  ...(mapping.textColumn ? { textColumn: mapping.textColumn } : {}),
  ...(mapping.labelColumn ? { labelColumn: mapping.labelColumn } : {}),
});

/** The mapping to import with: by then an empty label choice means "no label column" (null). */
const startMapping = (mapping: ColumnChoice) => ({ ...previewMapping(mapping), labelColumn: mapping.labelColumn || null });

const subtitles: Record<Step['kind'], string> = {
  checking: 'Looking for a running import…',
  source: 'Step 1 of 3 · Choose what to import',
  preview: 'Step 2 of 3 · Check what will be imported',
  progress: 'Step 3 of 3 · Importing',
};

/** Props of ImportDialog: `initialJob` (an import started outside the dialog) opens it on that job's progress. */
export interface ImportDialogProps {
  initialPath?: string;
  initialJob?: ImportJob | null;
  onClose(): void;
  onViewReport(jobId: number): void;
}

/** Modal wizard; errors from the backend (bad path, bad column) appear inline with its message. */
export function ImportDialog({ initialPath = '', initialJob = null, onClose, onViewReport }: ImportDialogProps) {
  const client = useStudio();
  const tracking = useImportTracking();
  const activities = useActivityStore();
  // Reopened while an import runs: show that import, not step 1 (which could not start another).
  const [step, setStep] = useState<Step>(() => {
    if (initialJob) return { kind: 'progress', job: initialJob };
    return activities.list().some((a) => a.kind === 'import') ? { kind: 'checking' } : { kind: 'source' };
  });
  const [path, setPath] = useState(initialPath);
  const [mapping, setMapping] = useState<ColumnChoice>(noMapping);
  const [canPickFolder, setCanPickFolder] = useState(client.transport === 'electron');
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setIsBusy(true);
    setError(null);
    try {
      await work();
    } catch (caught) {
      setError(toRpcCallError(caught).message);
    } finally {
      setIsBusy(false);
    }
  };

  const loadPreview = async (target: string, chosen: ColumnChoice) => {
    const result = await client.call('import.preview', { path: target.trim(), ...previewMapping(chosen) });
    setMapping(result.tabular ? { textColumn: result.tabular.textColumn ?? '', labelColumn: result.tabular.labelColumn ?? '' } : noMapping);
    setStep({ kind: 'preview', preview: result });
  };
  const preview = (target: string, chosen: ColumnChoice) => run(() => loadPreview(target, chosen));
  // The mount effect above calls the latest preview, which a later render may have replaced.
  const previewRef = useRef(preview);
  useEffect(() => {
    previewRef.current = preview;
  });

  // On open: a running import is shown instead of step 1; else a folder opened from the operating
  // system (initialPath) is previewed at once.
  const [previewOnOpen] = useState(initialPath);
  useEffect(() => {
    let isCurrent = true;
    client.call('import.jobs', {}).then(
      (jobs) => {
        if (!isCurrent) return;
        const running = jobs.find((job) => job.state === 'running');
        if (running) {
          setStep((current) => (current.kind !== 'progress' ? { kind: 'progress', job: running } : current));
          return;
        }
        setStep((current) => (current.kind === 'checking' ? { kind: 'source' } : current));
        if (previewOnOpen) void previewRef.current(previewOnOpen, noMapping);
      },
      () => isCurrent && setStep((current) => (current.kind === 'checking' ? { kind: 'source' } : current)),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, previewOnOpen]);

  const pickFolder = () =>
    run(async () => {
      const picked = await client.call('import.pickFolder', {});
      if (!picked.supported) setCanPickFolder(false);
      if (picked.path) {
        setPath(picked.path);
        await loadPreview(picked.path, noMapping);
      }
    });

  const start = () =>
    run(async () => {
      const job = await client.call('import.start', { path: path.trim(), ...startMapping(mapping) });
      tracking.running(job);
      setStep({ kind: 'progress', job });
    });

  return (
    <ModalDialog title="Import resumes" subtitle={subtitles[step.kind]} onClose={onClose} className="import-dialog">
      {step.kind === 'checking' ? (
        <p className="muted" role="status">
          Loading…
        </p>
      ) : null}
      {step.kind === 'source' ? (
        <ImportSourceStep
          path={path}
          onPathChange={setPath}
          canPickFolder={canPickFolder}
          onPickFolder={() => void pickFolder()}
          onPreview={() => void preview(path, noMapping)}
          isBusy={isBusy}
          error={error}
        />
      ) : null}
      {step.kind === 'preview' ? (
        <ImportPreviewStep
          preview={step.preview}
          mapping={mapping}
          onMappingChange={(next) => {
            setMapping(next);
            void preview(path, next);
          }}
          onBack={() => {
            setError(null);
            setStep({ kind: 'source' });
          }}
          onStart={() => void start()}
          isBusy={isBusy}
          error={error}
        />
      ) : null}
      {step.kind === 'progress' ? <ImportProgressStep initialJob={step.job} onViewReport={onViewReport} onClose={onClose} /> : null}
    </ModalDialog>
  );
}
