/** Lays stat cards out in a responsive row, as a labelled list for assistive technology. */
import { Children, type ReactNode } from 'react';

/** A list of StatCards with an accessible name. */
export function StatGrid({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="stat-grid" aria-label={label}>
      {Children.map(children, (child) => (
        <li>{child}</li>
      ))}
    </ul>
  );
}
