/** A card saying plainly what a page will offer once its feature ships. */
import type { ReactNode } from 'react';

/** Titled list of what is coming, with a note on why it is not here yet. */
export function UpcomingFeature({ title, items, note }: { title: string; items: string[]; note: ReactNode }) {
  return (
    <section className="card" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{title}</h2>
      <ul className="bullet-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="muted">{note}</p>
    </section>
  );
}
