/**
 * The calls that carry a maintenance account's password (10-3): showing it, generating one,
 * saving one, copying it. They go straight through the bridge and never through react-query,
 * whose caches keep every request and answer for minutes: the password lives only in the
 * state of the component that asked for it, and is gone when that component hides it or
 * unmounts. Errors keep only their code.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '@shared/contract';
import { invoke } from '../../lib/bridge';
import { refreshAfter } from '../../lib/use-channel';
import type { MaintenanceAccount } from './use-sites';

export type PasswordRules = RequestOf<'accounts.generatePassword'>;
export type AccountChange = RequestOf<'accounts.save'>;

export async function revealPassword(id: string): Promise<string> {
  return (await invoke('accounts.reveal', { id })).secret;
}

export async function generatePassword(rules: PasswordRules): Promise<string> {
  return (await invoke('accounts.generatePassword', rules)).password;
}

/** Copies in the main process, which clears the clipboard again; answers in how many seconds. */
export async function copyPassword(id: string): Promise<number> {
  return (await invoke('accounts.copySecret', { id })).clearsInSeconds;
}

/** Saves an account (with a new password, or without one to keep the stored one), then reads the lists again. */
export function useSaveAccount(): (change: AccountChange) => Promise<MaintenanceAccount> {
  const client = useQueryClient();
  return useCallback(
    async (change) => {
      try {
        return await invoke('accounts.save', change);
      } finally {
        void refreshAfter(client, 'accounts.save');
      }
    },
    [client],
  );
}

export interface SecretCall<A extends unknown[], R> {
  /** Runs the call; resolves to its answer, or to undefined when it failed (the error is kept). */
  readonly run: (...args: A) => Promise<R | undefined>;
  readonly pending: boolean;
  readonly error: unknown;
  readonly reset: () => void;
}

/**
 * The pending and error state of one such call, as `useMutation` would give it, without
 * keeping its arguments or its answer anywhere. An answer arriving after unmount is dropped.
 */
export function useSecretCall<A extends unknown[], R>(call: (...args: A) => Promise<R>): SecretCall<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setPending(true);
      setError(null);
      try {
        const answer = await call(...args);
        return mounted.current ? answer : undefined;
      } catch (caught) {
        if (mounted.current) setError(caught);
        return undefined;
      } finally {
        if (mounted.current) setPending(false);
      }
    },
    [call],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
