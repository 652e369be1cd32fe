import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampToWorkAreas, loadWindowState, minWindowSize, saveWindowState } from '../../../main/electron/window-state';

const left = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 984 };

describe('clampToWorkAreas', () => {
  it('keeps bounds that already fit', () => {
    expect(clampToWorkAreas({ x: 100, y: 50, width: 1200, height: 800 }, [left])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
  });

  it('keeps a window on the secondary display it overlaps most', () => {
    expect(clampToWorkAreas({ x: 2000, y: 10, width: 1000, height: 700 }, [left, right])).toEqual({ x: 2000, y: 10, width: 1000, height: 700 });
  });

  it('moves a partly off-screen window inside the work area', () => {
    expect(clampToWorkAreas({ x: 1500, y: 900, width: 1000, height: 700 }, [left])).toEqual({ x: 920, y: 340, width: 1000, height: 700 });
  });

  it('centres a window from an unplugged monitor on the primary display', () => {
    expect(clampToWorkAreas({ x: 5000, y: 5000, width: 1000, height: 700 }, [left])).toEqual({ x: 460, y: 170, width: 1000, height: 700 });
  });

  it('shrinks a window larger than the display and enforces the minimum size', () => {
    expect(clampToWorkAreas({ x: -50, y: -50, width: 4000, height: 3000 }, [left])).toEqual(left);
    const tiny = clampToWorkAreas({ x: 10, y: 10, width: 10, height: 10 }, [left]);
    expect(tiny).toMatchObject({ width: minWindowSize.width, height: minWindowSize.height });
  });
});

describe('load / save', () => {
  it('round-trips and tolerates missing or corrupt files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-ws-'));
    try {
      const file = path.join(dir, 'nested', 'window-state.json');
      expect(loadWindowState(file)).toBeNull();
      saveWindowState(file, { bounds: { x: 1, y: 2, width: 1000, height: 700 }, isMaximized: false });
      expect(loadWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 1000, height: 700 }, isMaximized: false });
      fs.writeFileSync(file, '{not json');
      expect(loadWindowState(file)).toBeNull();
      fs.writeFileSync(file, JSON.stringify({ bounds: { x: 'a', y: 0, width: 1, height: 1 } }));
      expect(loadWindowState(file)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
