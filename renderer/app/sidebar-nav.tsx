/** The left sidebar: app name, the page links (their shortcuts shown and announced) and Help. */
import { Icon, type IconName } from '../components/icon';
import { HelpPanel } from '../features/tour/help-panel';
import { isMac } from './platform';
import { ariaShortcut, hashForRoute, routes, shortcutLabel, type RouteId } from './routes';

const iconFor: Record<RouteId, IconName> = {
  dataset: 'dataset',
  train: 'train',
  evaluate: 'evaluate',
  predict: 'predict',
  label: 'label',
  settings: 'settings',
};

/** Main navigation; the active link carries aria-current="page". */
export function SidebarNav({ active }: { active: RouteId }) {
  const workflow = routes.filter((route) => route.id !== 'settings');
  const settings = routes.find((route) => route.id === 'settings')!;
  const link = (route: (typeof routes)[number]) => (
    <li key={route.id}>
      <a
        className="nav-link"
        href={hashForRoute(route.id)}
        aria-current={route.id === active ? 'page' : undefined}
        aria-keyshortcuts={ariaShortcut(route.shortcutKey, isMac)}
      >
        <Icon name={iconFor[route.id]} />
        <span className="nav-label">{route.label}</span>
        <kbd className="nav-shortcut" aria-hidden="true">
          {shortcutLabel(route.shortcutKey, isMac)}
        </kbd>
      </a>
    </li>
  );
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          RS
        </span>
        <span className="brand-name">Resume Studio</span>
      </div>
      <nav aria-label="Main" className="nav">
        <ul className="nav-list">{workflow.map(link)}</ul>
        <div className="nav-bottom">
          <ul className="nav-list">{link(settings)}</ul>
          <HelpPanel />
        </div>
      </nav>
    </aside>
  );
}
