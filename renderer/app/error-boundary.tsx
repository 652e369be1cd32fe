/**
 * Catches render errors so the user sees what broke and a way out instead of a blank window.
 * A class because React offers error boundaries only as class components.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Where the boundary sits, said in the fallback ("this page", "the app"). */
  scope: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/** Renders `children`, or an explanation with Try again / Reload when they throw. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for bug reports; the UI shows the message itself.
    console.warn(`Render error in ${this.props.scope}:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <h1>Something went wrong in {this.props.scope}</h1>
        <p className="crash-message">{error.message}</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the app
          </button>
        </div>
      </div>
    );
  }
}
