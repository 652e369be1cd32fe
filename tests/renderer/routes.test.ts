import { describe, expect, it } from 'vitest';
import { ariaShortcut, hashForRoute, routeForShortcut, routeFromHash, routes, shortcutLabel } from '../../renderer/app/routes';

const keys = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('routes', () => {
  it('round-trips every route through its hash', () => {
    for (const route of routes) expect(routeFromHash(hashForRoute(route.id))).toBe(route.id);
  });

  it('ignores empty, foreign and unknown hashes', () => {
    expect(routeFromHash('')).toBeNull();
    expect(routeFromHash('#main')).toBeNull();
    expect(routeFromHash('#/nowhere')).toBeNull();
  });

  it('accepts trailing segments so later routes can carry ids', () => {
    expect(routeFromHash('#/evaluate/12')).toBe('evaluate');
    expect(routeFromHash('#/predict?x=1')).toBe('predict');
  });

  it('maps Ctrl or Cmd plus 1..5 and comma to pages', () => {
    expect(routeForShortcut(keys('1', { ctrlKey: true }))).toBe('dataset');
    expect(routeForShortcut(keys('4', { metaKey: true }))).toBe('predict');
    expect(routeForShortcut(keys('5', { ctrlKey: true }))).toBe('label');
    expect(routeForShortcut(keys(',', { ctrlKey: true }))).toBe('settings');
  });

  it('needs exactly one of Ctrl/Cmd and no Alt or Shift', () => {
    expect(routeForShortcut(keys('1'))).toBeNull();
    expect(routeForShortcut(keys('1', { ctrlKey: true, metaKey: true }))).toBeNull();
    expect(routeForShortcut(keys('1', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(routeForShortcut(keys('1', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(routeForShortcut(keys('9', { ctrlKey: true }))).toBeNull();
  });

  it('writes shortcuts per platform', () => {
    expect(shortcutLabel('1', true)).toBe('⌘1');
    expect(shortcutLabel(',', false)).toBe('Ctrl+,');
    expect(ariaShortcut(',', false)).toBe('Control+Comma');
    expect(ariaShortcut('2', true)).toBe('Meta+2');
  });
});
