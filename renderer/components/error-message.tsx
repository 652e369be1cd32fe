/** A failed action's sentence under the control that caused it, announced to screen readers; nothing when there is none. */

/**
 * `kind`: "form" under a form or a row of buttons, "field" under one settings field (a tighter
 * style); `id`: for the control's aria-describedby.
 */
export function ErrorMessage({ message, kind = 'form', id }: { message: string | null | undefined; kind?: 'form' | 'field'; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className={`${kind}-error`} role="alert">
      {message}
    </p>
  );
}
