import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TabStrip, tabPanelProps } from '../../../src/ui/shell/TabStrip';

type PanelTab = 'round' | 'minutes' | 'summary';
const items = [
  { value: 'round', label: 'Runde' },
  { value: 'minutes', label: 'Referat' },
  { value: 'summary', label: 'Opsummering' },
] as const;
const contents: Record<PanelTab, string> = {
  round: 'Hvem har ordet',
  minutes: 'Mål og indsatser',
  summary: 'Fælles opsummering',
};

/** The side panel's shape: a button before the tabs, the strip, its one panel, and a field in the panel. */
const Panel = ({ onSelect }: { onSelect?: (tab: PanelTab) => void }) => {
  const id = useId();
  const [tab, setTab] = useState<PanelTab>('minutes');
  return (
    <FluentProvider theme={webLightTheme}>
      <button type="button">Næste punkt</button>
      <TabStrip
        id={id}
        label="Visning"
        items={items}
        selected={tab}
        onSelect={(next) => {
          onSelect?.(next);
          setTab(next);
        }}
      />
      <div {...tabPanelProps(id, tab)}>
        <p>{contents[tab]}</p>
        <input aria-label="Noter" />
      </div>
    </FluentProvider>
  );
};

const tab = (name: string) => screen.getByRole('tab', { name });
const selectedTab = () => screen.getByRole('tab', { selected: true });

describe('the tab strip', () => {
  it('is a named tab list whose selected tab names the panel it controls', () => {
    render(<Panel />);
    const list = screen.getByRole('tablist', { name: 'Visning' });
    expect(screen.getAllByRole('tab').every((t) => list.contains(t))).toBe(true);
    expect(['Runde', 'Referat', 'Opsummering'].map((name) => tab(name).getAttribute('aria-selected'))).toEqual([
      'false',
      'true',
      'false',
    ]);
    const panel = screen.getByRole('tabpanel', { name: 'Referat' });
    expect(panel.textContent).toContain('Mål og indsatser');
    for (const t of screen.getAllByRole('tab')) expect(t.getAttribute('aria-controls')).toBe(panel.id);
  });

  it('takes one stop in the Tab order, on the selected tab', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(screen.getByRole('button', { name: 'Næste punkt' }));
    await user.tab();
    expect(document.activeElement).toBe(tab('Referat'));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Noter' }));
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(tab('Referat'));
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('moves to the next tab with → and back with ←, wrapping at both ends, and selects the tab it lands on', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(tab('Referat'));

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Opsummering'));
    expect(selectedTab()).toBe(tab('Opsummering'));
    expect(screen.getByRole('tabpanel', { name: 'Opsummering' }).textContent).toContain('Fælles opsummering');

    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Runde'));
    expect(selectedTab()).toBe(tab('Runde'));

    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(tab('Opsummering'));
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(tab('Runde'));
    expect(screen.getByRole('tabpanel', { name: 'Runde' }).textContent).toContain('Hvem har ordet');
    // The Tab order follows the selection.
    expect(screen.getAllByRole('tab').map((t) => t.tabIndex)).toEqual([0, -1, -1]);
  });

  it('goes to the last tab with End and the first with Home', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    await user.click(tab('Referat'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tab('Opsummering'));
    expect(selectedTab()).toBe(tab('Opsummering'));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(tab('Runde'));
    expect(selectedTab()).toBe(tab('Runde'));
  });

  it('selects a tab when it is clicked, and a click on the selected tab asks for nothing', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(<Panel onSelect={onSelect} />);
    await user.click(tab('Opsummering'));
    expect(selectedTab()).toBe(tab('Opsummering'));
    expect(screen.getByRole('tabpanel', { name: 'Opsummering' }).textContent).toContain('Fælles opsummering');
    await user.click(tab('Opsummering'));
    expect(onSelect.mock.calls).toEqual([['summary']]);
  });

  it('selects the focused tab with Enter or Space when the surface held the selection back', async () => {
    // A surface may keep its tab (the strip is controlled): the arrow moves the focus only, and Enter or Space on
    // the focused tab asks again.
    const onSelect = vi.fn();
    const user = userEvent.setup();
    const id = 'held';
    render(
      <FluentProvider theme={webLightTheme}>
        <TabStrip id={id} label="Visning" items={items} selected="minutes" onSelect={onSelect} />
      </FluentProvider>,
    );
    await user.click(tab('Referat'));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('Opsummering'));
    expect(selectedTab()).toBe(tab('Referat'));
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onSelect.mock.calls).toEqual([['summary'], ['summary'], ['summary']]);
  });
});
