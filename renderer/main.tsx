/** Renderer entry: paints the remembered theme, connects to the backend and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectStudio } from './api/client';
import { StudioProvider } from './api/studio-context';
import { App } from './app/app';
import { ErrorBoundary } from './app/error-boundary';
import { ErrorToastProvider } from './app/error-toasts';
import { DatabaseGate } from './features/database/database-gate';
import { SettingsProvider } from './app/settings-context';
import { applyTheme, rememberedTheme } from './app/theme';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/import.css';
import './styles/training.css';
import './styles/predict.css';
import './styles/curation.css';
import './styles/labelling.css';
import './styles/tour.css';

// Before the first paint, so a dark-theme user never sees a white flash while settings load.
applyTheme(rememberedTheme());

const client = connectStudio();
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');

createRoot(rootElement).render(
  <StrictMode>
    <ErrorBoundary scope="the app">
      <StudioProvider client={client}>
        <DatabaseGate>
          <ErrorToastProvider>
            <SettingsProvider>
              <App />
            </SettingsProvider>
          </ErrorToastProvider>
        </DatabaseGate>
      </StudioProvider>
    </ErrorBoundary>
  </StrictMode>,
);
