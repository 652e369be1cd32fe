/** An error shown where the failed content would be, with the backend's message and a retry. */

/**
 * Says what failed, shows the message and offers Try again when `onRetry` is given, except for a
 * refused session (code `forbidden`), which trying again cannot fix: its message says what can.
 */
export function InlineError({ title, error, onRetry }: { title: string; error: Error & { code?: string }; onRetry?: () => void }) {
  const canRetry = onRetry !== undefined && error.code !== 'forbidden';
  return (
    <div className="inline-error" role="alert">
      <div>
        <strong>{title}</strong>
        <p>{error.message}</p>
      </div>
      {canRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
