import { createCustomFocusIndicatorStyle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

// Fluent's TabList looks the same but moves its focus with tabster (~16 KB gzip, plus ~9 KB of Tab styles), which
// nothing else on the side panel's first load needs. A strip of three buttons does the WAI-ARIA tabs pattern
// ("automatic activation") itself: the arrow keys, Home and End move the focus and select the tab they land on.

export interface TabStripItem<V extends string> {
  value: V;
  label: string;
}

export interface TabStripProps<V extends string> {
  /** Ties the tabs to their panel: the same id goes to `tabPanelProps` (a `useId()` of the surface). */
  id: string;
  items: readonly TabStripItem<V>[];
  selected: V;
  onSelect: (value: V) => void;
  /** The tab list's accessible name. */
  label: string;
  className?: string | undefined;
}

const panelId = (id: string) => `${id}-panel`;
const tabId = (id: string, value: string) => `${id}-tab-${value}`;

/** Role and ids for the one panel that shows the selected tab: named by that tab, pointed at by every tab. */
export const tabPanelProps = (id: string, selected: string) =>
  ({ role: 'tabpanel', id: panelId(id), 'aria-labelledby': tabId(id, selected) }) as const;

/** The bar under a tab: neutral on hover (`::before`), brand-coloured under the selected tab (`::after`). */
const indicatorBar = {
  content: '""',
  position: 'absolute',
  bottom: 0,
  left: tokens.spacingHorizontalSNudge,
  right: tokens.spacingHorizontalSNudge,
  height: tokens.strokeWidthThicker,
  borderRadius: tokens.borderRadiusCircular,
} as const;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'row', flexWrap: 'nowrap', flexShrink: 0, alignItems: 'stretch' },
  tab: {
    position: 'relative',
    display: 'grid',
    alignItems: 'center',
    justifyItems: 'center',
    flexShrink: 0,
    margin: 0,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} calc(${tokens.spacingHorizontalSNudge} + ${tokens.spacingHorizontalXXS})`,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    textTransform: 'none',
    cursor: 'pointer',
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': {
      backgroundColor: tokens.colorTransparentBackgroundPressed,
      color: tokens.colorNeutralForeground2Pressed,
    },
    // The indicator a tab would get: neutral while the pointer is on an unselected tab.
    '::before': indicatorBar,
    ':hover::before': { backgroundColor: tokens.colorNeutralStroke1Hover },
    ':active::before': { backgroundColor: tokens.colorNeutralStroke1Pressed },
    '@media (forced-colors: active)': {
      ':hover::before': { backgroundColor: 'ButtonText' },
      ':active::before': { backgroundColor: 'ButtonText' },
    },
    // Fluent's own tab focus: a ring outside the button (the ::after is the selection's), shown on keyboard focus
    // only (FluentProvider marks it); the transparent outline is what Windows' contrast themes draw.
    ...createCustomFocusIndicatorStyle({
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: 'solid',
      outlineColor: 'transparent',
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
      zIndex: 1,
    }),
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':active': { color: tokens.colorNeutralForeground1Pressed },
    ':hover::before': { backgroundColor: 'transparent' },
    ':active::before': { backgroundColor: 'transparent' },
    '::after': { ...indicatorBar, backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ':active::after': { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    '@media (forced-colors: active)': {
      ':hover::before': { backgroundColor: 'transparent' },
      ':active::before': { backgroundColor: 'transparent' },
      '::after': { backgroundColor: 'Highlight' },
      ':hover::after': { backgroundColor: 'Highlight' },
      ':active::after': { backgroundColor: 'Highlight' },
    },
  },
  // The label and an invisible semibold copy share one grid cell, so a tab keeps its width when it is selected.
  cell: { gridArea: '1 / 1' },
  reserve: { gridArea: '1 / 1', visibility: 'hidden', fontWeight: tokens.fontWeightSemibold },
});

const nextIndex = (key: string, index: number, count: number): number | null => {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
};

/**
 * A small tab list as Fluent's (size small, transparent) looks in Teams: each tab a button, only the selected one
 * in the Tab order; ←/→ (wrapping), Home and End move to a tab and select it, Enter, Space and a click select.
 */
export const TabStrip = <V extends string>({ id, items, selected, onSelect, label, className }: TabStripProps<V>) => {
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // A value none of the tabs has still leaves one tab in the Tab order.
  const current = Math.max(
    0,
    items.findIndex((item) => item.value === selected),
  );

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const next = nextIndex(event.key, index, items.length);
    const item = next === null ? undefined : items[next];
    if (next === null || item === undefined) return;
    event.preventDefault();
    buttons.current[next]?.focus();
    if (item.value !== selected) onSelect(item.value);
  };

  return (
    <div
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
    >
      {items.map((item, index) => {
        const isSelected = index === current && item.value === selected;
        return (
          <button
            key={item.value}
            ref={(button) => {
              buttons.current[index] = button;
            }}
            type="button"
            role="tab"
            id={tabId(id, item.value)}
            aria-selected={isSelected}
            aria-controls={panelId(id)}
            tabIndex={index === current ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => {
              if (!isSelected) onSelect(item.value);
            }}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span className={styles.cell}>{item.label}</span>
            <span className={styles.reserve} aria-hidden="true">
              {item.label}
            </span>
          </button>
        );
      })}
    </div>
  );
};
