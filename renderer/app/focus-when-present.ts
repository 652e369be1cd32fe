/** Moves focus to an element that may not be rendered yet (a lazily loaded page's title). */

const giveUpAfterMs = 10_000;

/** Focuses #id now or as soon as it is added; returns a cleanup that stops waiting. */
export function focusWhenPresent(id: string, root: Node = document.body): () => void {
  const now = document.getElementById(id);
  if (now) {
    now.focus();
    return () => {};
  }
  const observer = new MutationObserver(() => {
    const element = document.getElementById(id);
    if (!element) return;
    stop();
    element.focus();
  });
  const timer = window.setTimeout(() => stop(), giveUpAfterMs);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(root, { childList: true, subtree: true });
  return stop;
}
