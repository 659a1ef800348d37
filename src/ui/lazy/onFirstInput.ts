const FIRST_INPUT = ['pointermove', 'pointerdown', 'keydown', 'focusin'] as const;

/**
 * Runs `then` once, at the user's first pointer move, touch, key press or focus anywhere on the page: the moment
 * to fetch code the first render did not need but the next click may (a tab's content, a tooltip), after the page
 * is up. Returns the way to stop listening (for an effect's clean-up).
 */
export const onFirstInput = (then: () => void): (() => void) => {
  const stop = () => {
    for (const event of FIRST_INPUT) window.removeEventListener(event, fire, true);
  };
  function fire() {
    stop();
    then();
  }
  for (const event of FIRST_INPUT) window.addEventListener(event, fire, { capture: true, passive: true });
  return stop;
};
