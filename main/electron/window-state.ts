/**
 * Remembers the main window's bounds and maximized flag in a JSON file in the data directory and
 * clamps restored bounds onto a display that still exists. Pure Node (no electron import), so the
 * clamping is unit-testable; imported by main/electron/window.ts only.
 */
import fs from 'node:fs';
import path from 'node:path';

/** A rectangle in screen coordinates (DIP). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is persisted between runs. */
export interface WindowState {
  bounds: Rect;
  isMaximized: boolean;
}

/** The window size used on first start or when the saved state is unusable. */
export const defaultWindowSize = { width: 1280, height: 820 } as const;
/** The smallest window the UI is laid out for. */
export const minWindowSize = { width: 900, height: 600 } as const;

/** The state file's name inside the data directory. */
export const windowStateFileName = 'window-state.json';

const isRect = (value: unknown): value is Rect =>
  typeof value === 'object' && value !== null && ['x', 'y', 'width', 'height'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** Reads the saved state; a missing, corrupt or hand-edited file yields null, never an exception. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { bounds, isMaximized } = parsed as Record<string, unknown>;
    if (!isRect(bounds)) return null;
    return { bounds, isMaximized: isMaximized === true };
  } catch {
    return null;
  }
}

/** Writes the state atomically (temp file + rename) so a crash cannot leave half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state, null, 2));
  fs.renameSync(temp, file);
}

const overlapArea = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Fits saved bounds onto the display work area they overlap most (a monitor may have been
 * unplugged since): shrinks to the work area, then moves inside it. With no overlap at all the
 * window is centred on the primary (first) work area at its saved size.
 */
export function clampToWorkAreas(bounds: Rect, workAreas: readonly Rect[]): Rect {
  const [primary] = workAreas;
  if (!primary) return bounds;
  let best = primary;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  const width = Math.min(Math.max(Math.round(bounds.width), minWindowSize.width), best.width);
  const height = Math.min(Math.max(Math.round(bounds.height), minWindowSize.height), best.height);
  if (bestArea === 0) {
    return { x: best.x + Math.round((best.width - width) / 2), y: best.y + Math.round((best.height - height) / 2), width, height };
  }
  const x = Math.min(Math.max(Math.round(bounds.x), best.x), best.x + best.width - width);
  const y = Math.min(Math.max(Math.round(bounds.y), best.y), best.y + best.height - height);
  return { x, y, width, height };
}
