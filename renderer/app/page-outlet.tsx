/**
 * Renders the page for the active route. Each page is its own chunk, loaded on first visit, so the
 * first paint downloads only the shell and the page it shows (recharts stays out until a chart).
 */
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import type { RouteId } from './routes';

const loaders: Record<RouteId, () => Promise<{ default: ComponentType }>> = {
  dataset: () => import('../features/dataset/dataset-page').then((m) => ({ default: m.DatasetPage })),
  train: () => import('../features/training/train-page').then((m) => ({ default: m.TrainPage })),
  evaluate: () => import('../features/evaluate/evaluate-page').then((m) => ({ default: m.EvaluatePage })),
  predict: () => import('../features/predict/predict-page').then((m) => ({ default: m.PredictPage })),
  label: () => import('../features/labelling/labelling-page').then((m) => ({ default: m.LabellingPage })),
  settings: () => import('../features/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
};
const pages: Record<RouteId, ComponentType> = {
  dataset: lazy(loaders.dataset),
  train: lazy(loaders.train),
  evaluate: lazy(loaders.evaluate),
  predict: lazy(loaders.predict),
  label: lazy(loaders.label),
  settings: lazy(loaders.settings),
};
const prefetchDelayMs = 500;

/** The page component for `route`, with a quiet placeholder while its chunk loads. */
export function PageOutlet({ route }: { route: RouteId }) {
  // Once the first page is up, fetch the other (small) pages in the background: navigation is then
  // instant, and still works if the backend that serves the chunks goes away. Charts stay lazy.
  useEffect(() => {
    const timer = window.setTimeout(() => Object.values(loaders).forEach((load) => void load().catch(() => undefined)), prefetchDelayMs);
    return () => window.clearTimeout(timer);
  }, []);
  const Page = pages[route];
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}

/** What shows for the few milliseconds a page's chunk takes to load. */
function PageLoading() {
  return (
    <p className="muted page-loading" role="status">
      Loading…
    </p>
  );
}
