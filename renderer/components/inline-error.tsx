/** An error shown where the failed content would be, with the backend's message and a retry. */

/** Says what failed, shows the message and offers Try again when `onRetry` is given. */
export function InlineError({ title, error, onRetry }: { title: string; error: Error; onRetry?: () => void }) {
  return (
    <div className="inline-error" role="alert">
      <div>
        <strong>{title}</strong>
        <p>{error.message}</p>
      </div>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
