/**
 * An accessible modal on the native <dialog> (showModal makes the page behind it inert): labelled
 * by its title, Tab wraps inside it, Esc closes, and focus goes back where it was on close.
 * Mark the control to focus first with `data-autofocus`.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

const focusableSelector =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Props of ModalDialog. */
export interface ModalDialogProps {
  title: string;
  /** Short line under the title. */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  /** Extra class for sizing, e.g. `wide`. */
  className?: string;
}

/** Opens as a modal when mounted and closes when unmounted. */
export function ModalDialog({ title, subtitle, onClose, children, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control (the close button); a child may ask for focus instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back to the button that opened us (it may have re-rendered, so only if still attached).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // The native dialog lets Tab escape to the browser chrome; keep it inside instead.
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !ref.current) return;
    const focusable = [...ref.current.querySelectorAll<HTMLElement>(focusableSelector)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-modal="true"
      aria-labelledby="modal-title"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // React owns open/closed: Esc asks the parent, which unmounts us.
        event.preventDefault();
        onClose();
      }}
    >
      <header className="modal-header">
        <div>
          <h2 id="modal-title">{title}</h2>
          {subtitle ? <p className="modal-subtitle">{subtitle}</p> : null}
        </div>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
