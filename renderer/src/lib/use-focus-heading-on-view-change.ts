/**
 * For a screen with several views read from the address's query (Sites, Ledger, Visits):
 * when the view changes, keyboard and screen-reader focus moves to the new view's heading,
 * as the shell does when the screen itself changes (AppShell). Not on the first render: a
 * screen just opened has had its heading focused by the shell already.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export function useFocusHeadingOnViewChange(): void {
  const { search } = useLocation();
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [search]);
}
