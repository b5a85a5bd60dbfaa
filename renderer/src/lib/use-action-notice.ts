/**
 * A section with several actions shows one message at a time: starting an action clears the
 * previous action's notice and the errors of every mutation the section owns, so a success
 * never stands next to an older failure (screens: clear errors, nothing stale).
 */
import { useState } from 'react';

interface Resettable {
  reset(): void;
}

export function useActionNotice<Notice>(...mutations: readonly Resettable[]) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const beginAction = () => {
    setNotice(null);
    for (const mutation of mutations) mutation.reset();
  };
  return { notice, setNotice, beginAction };
}
