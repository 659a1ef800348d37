import { useRef } from 'react';

/**
 * The same object as last render while its content is the same, so the long form's sections (memoised) do not
 * re-render on every keystroke elsewhere just because a list of problems was computed anew.
 */
export const useStableValue = <T>(value: T): T => {
  const ref = useRef<{ json: string; value: T } | null>(null);
  const json = JSON.stringify(value);
  if (ref.current === null || ref.current.json !== json) ref.current = { json, value };
  return ref.current.value;
};
