// @vitest-environment jsdom
// Component tests in a DOM (jsdom, per file): real React components rendered with Testing Library.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProgressMeter } from '../../renderer/components/progress-meter';
import { NumberField } from '../../renderer/features/settings/number-field';

afterEach(cleanup);

describe('NumberField', () => {
  const props = { id: 'seed', label: 'Random seed', hint: 'Any whole number.', value: '42', step: '1' };

  it('is labelled, described by its hint, and hands typed text back unparsed', () => {
    const onChange = vi.fn();
    render(<NumberField {...props} error={undefined} onChange={onChange} />);
    const input = screen.getByLabelText('Random seed') as HTMLInputElement;
    expect(input.value).toBe('42');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe('seed-hint');
    expect(document.getElementById('seed-hint')?.textContent).toBe('Any whole number.');
    fireEvent.change(input, { target: { value: '7' } });
    expect(onChange).toHaveBeenCalledWith('7');
  });

  it('an error marks it invalid and is read out before the hint', () => {
    render(<NumberField {...props} error="The seed must be 0 or more." onChange={() => undefined} />);
    const input = screen.getByLabelText('Random seed');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('seed-error seed-hint');
    expect(document.getElementById('seed-error')?.textContent).toBe('The seed must be 0 or more.');
  });
});

describe('ProgressMeter', () => {
  it('exposes its value to assistive technology and clamps the bar to 100%', () => {
    const { container, rerender } = render(<ProgressMeter label="Import progress" value={40} max={120} valueText="40 of 120 files" />);
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(bar.getAttribute('aria-valuetext')).toBe('40 of 120 files');
    const fill = container.querySelector<HTMLElement>('.progress-fill')!;
    expect(fill.style.width).toBe(`${(40 / 120) * 100}%`);
    rerender(<ProgressMeter label="Import progress" value={130} max={120} valueText="done" />);
    expect(fill.style.width).toBe('100%');
    rerender(<ProgressMeter label="Import progress" value={0} max={0} valueText="starting" />);
    expect(fill.style.width).toBe('0%');
  });
});
