/** A checklist of what must be true before a feature can be used, each item met or not. */
import { Icon } from './icon';

/** One requirement and whether the current data meets it. */
export interface Prerequisite {
  label: string;
  detail: string;
  isMet: boolean | undefined;
}

/** Lists requirements with a check or an open circle; `isMet` undefined means still loading. */
export function PrerequisiteList({ items }: { items: Prerequisite[] }) {
  return (
    <ul className="prerequisites">
      {items.map((item) => (
        <li key={item.label} className={item.isMet ? 'met' : 'unmet'}>
          <Icon name={item.isMet ? 'check' : 'circle'} size={18} />
          <div>
            <span className="prerequisite-label">
              {item.label}
              <span className="visually-hidden">{item.isMet === undefined ? ' (checking)' : item.isMet ? ' (done)' : ' (not yet)'}</span>
            </span>
            <span className="prerequisite-detail">{item.detail}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
