/**
 * Drop resumes anywhere in the window: while files are dragged over it an overlay says so, and a
 * drop sends them to prediction and opens the Predict page. Mounted once by the app shell, it
 * also keeps the current batch's count current on every page, and the cards in step with blind mode.
 */
import { useEffect, useState } from 'react';
import { useStudio } from '../../api/studio-context';
import { useSettings } from '../../app/settings-context';
import { useStudioEvent } from '../../api/use-studio-event';
import { filesOfDrop } from './file-payload';
import { applyBatchProgress, predictFiles, setBlindMode } from './predict-store';

/** True when a drag carries files (not text or a link dragged within the page). */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** The overlay, shown only while files are dragged over the window. */
export function WindowDropTarget({ onDropped }: { onDropped(): void }) {
  const client = useStudio();
  const [isDragging, setIsDragging] = useState(false);
  // Mounted for the app's lifetime, so a batch keeps its count while another page is shown.
  useStudioEvent('predict.batchProgressed', applyBatchProgress);
  // Mounted for the app's lifetime too: the Predict page's cards follow blind mode wherever it is changed.
  const blindMode = useSettings().settings?.blindMode;
  useEffect(() => {
    if (blindMode !== undefined) setBlindMode(client, blindMode);
  }, [client, blindMode]);

  useEffect(() => {
    // dragenter/dragleave fire for every child element crossed; a depth count tells when the drag really left.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setIsDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setIsDragging(false);
    };
    // Without preventDefault on dragover the browser would open the dropped file itself.
    const onOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const onDrop = async (event: DragEvent) => {
      if (!event.dataTransfer || !carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setIsDragging(false);
      const { files, fromFolder } = await filesOfDrop(event.dataTransfer);
      if (files.length === 0) return;
      onDropped();
      void predictFiles(client, files, fromFolder);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [client, onDropped]);

  return isDragging ? (
    <div className="window-drop-overlay" aria-hidden="true">
      <p>Drop resumes to predict their job category</p>
    </div>
  ) : null;
}
