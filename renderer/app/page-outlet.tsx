/** Renders the page for the active route. */
import { DatasetPage } from '../features/dataset/dataset-page';
import { EvaluatePage } from '../features/metrics/evaluate-page';
import { PredictPage } from '../features/predict/predict-page';
import { SettingsPage } from '../features/settings/settings-page';
import { TrainPage } from '../features/training/train-page';
import type { RouteId } from './routes';

/** The page component for `route`. */
export function PageOutlet({ route }: { route: RouteId }) {
  switch (route) {
    case 'dataset':
      return <DatasetPage />;
    case 'train':
      return <TrainPage />;
    case 'evaluate':
      return <EvaluatePage />;
    case 'predict':
      return <PredictPage />;
    case 'settings':
      return <SettingsPage />;
  }
}
