/**
 * Errors that belong to no single form (a failed background call, an unhandled rejection) appear
 * here as dismissible toasts with the backend's own message, so nothing fails silently.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { toRpcCallError } from '../api/rpc-call-error';

interface Toast {
  id: number;
  title: string;
  message: string;
}

/** Shows an error; `title` says what was being done. */
export type ShowError = (error: unknown, title?: string) => void;

const ToastContext = createContext<ShowError | null>(null);
const maxToasts = 4;
let nextToastId = 1;

/** Owns the toast list and renders it; each toast is role=alert, so it is announced when it appears. */
export function ErrorToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const showError = useCallback<ShowError>((error, title = 'Something went wrong') => {
    const { message } = toRpcCallError(error);
    setToasts((current) => [...current, { id: nextToastId++, title, message }].slice(-maxToasts));
  }, []);
  const dismiss = (id: number) => setToasts((current) => current.filter((toast) => toast.id !== id));

  // A promise nobody awaited would otherwise fail with no trace in the UI.
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      showError(event.reason, 'Unexpected error');
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [showError]);

  const value = useMemo(() => showError, [showError]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toast-region" role="region" aria-label="Notifications">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast" role="alert">
            <div className="toast-text">
              <strong>{toast.title}</strong>
              <p>{toast.message}</p>
            </div>
            <button type="button" className="icon-button" aria-label={`Dismiss: ${toast.title}`} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The function that shows an error toast. */
export function useShowError(): ShowError {
  const showError = useContext(ToastContext);
  if (!showError) throw new Error('useShowError must be used inside <ErrorToastProvider>.');
  return showError;
}
