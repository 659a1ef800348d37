import { useEffect, useState } from 'react';
import { useServices } from '../../ui/services/ServicesContext';

/** The injected clock's time, ticking every `intervalMs` (the timer derives everything else from it). */
export const useNow = (intervalMs = 1000): Date => {
  const { clock } = useServices();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
};
