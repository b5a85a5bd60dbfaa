/**
 * Whole seconds left until a moment (ms since the epoch), updated every second; 0 once it has
 * passed. The clock is read when the component mounts: mount it (or key it) with the deadline.
 */
import { useEffect, useState } from 'react';

export function useSecondsLeft(deadline: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}
