import { expect } from 'vitest';

// Two DOM matchers for what a user notices, so a test asserts more than "getBy… did not throw" (it throws already).
// Written out here instead of adding @testing-library/jest-dom; they follow its toBeVisible and toBeEnabled.

const hiddenBy = (element: Element): string | null => {
  if (!element.isConnected) return 'it is not in the document';
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return `${nameOf(node)} has the hidden attribute`;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style?.display === 'none') return `${nameOf(node)} has display: none`;
    if (style?.visibility === 'hidden' || style?.visibility === 'collapse')
      return `${nameOf(node)} has visibility: ${style.visibility}`;
    if (style?.opacity === '0') return `${nameOf(node)} has opacity: 0`;
    const details = node.parentElement;
    if (details?.tagName === 'DETAILS' && !details.hasAttribute('open') && node.tagName !== 'SUMMARY')
      return `${nameOf(details)} is closed`;
  }
  return null;
};

const disabledBy = (element: Element): string | null => {
  if (element.getAttribute('aria-disabled') === 'true') return 'it has aria-disabled="true"';
  if ('disabled' in element && element.disabled === true) return 'it is disabled';
  if (element.closest('fieldset:disabled')) return 'its fieldset is disabled';
  return null;
};

const nameOf = (element: Element) => {
  const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
  return `<${element.tagName.toLowerCase()}${label ? ` "${label}"` : ''}>`;
};

const asElement = (received: unknown): Element => {
  if (!(received instanceof Element)) throw new TypeError(`expected a DOM element, got ${String(received)}`);
  return received;
};

expect.extend({
  toBeVisible(received: unknown) {
    const element = asElement(received);
    const reason = hiddenBy(element);
    return {
      pass: reason === null,
      message: () =>
        reason === null
          ? `expected ${nameOf(element)} not to be visible`
          : `expected ${nameOf(element)} to be visible, but ${reason}`,
    };
  },
  toBeEnabled(received: unknown) {
    const element = asElement(received);
    const reason = disabledBy(element);
    return {
      pass: reason === null,
      message: () =>
        reason === null
          ? `expected ${nameOf(element)} not to be enabled`
          : `expected ${nameOf(element)} to be enabled, but ${reason}`,
    };
  },
});

interface DomMatchers<R = unknown> {
  /** The element is in the document and neither it nor an ancestor is hidden (attribute, display, visibility, opacity, closed details). */
  toBeVisible(): R;
  /** The element can be used: not disabled, not aria-disabled, not in a disabled fieldset. */
  toBeEnabled(): R;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- vitest's own declaration is `Matchers<T = any>`; merged declarations must match it
  interface Matchers<T = any> extends DomMatchers<T> {}
}
