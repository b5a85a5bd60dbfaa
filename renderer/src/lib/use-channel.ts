/**
 * The renderer's one way to read a query channel and to call a changing one (issue 18,
 * "cache effects declared once"). A change refreshes exactly the lists its channel declares in
 * `@shared/ipc/cache-effects` once it settles — after a failure too, since a refused or
 * cancelled call may still have been audited or done part of its work (an import stopped half
 * way). No screen invalidates queries by hand: cache-effects.test.ts fails when one does.
 */
import {
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '@shared/contract';
import { listsChangedBy, type MutatingChannel, type QueryChannel } from '@shared/ipc/cache-effects';
import { invoke } from './bridge';
import { channelKey, queryKey } from './query-keys';

export type ChannelQueryOptions<C extends QueryChannel> = Omit<
  UseQueryOptions<ResponseOf<C>, Error, ResponseOf<C>>,
  'queryKey' | 'queryFn'
>;

/** Reads a query channel; its answer is cached under `queryKey(channel, request)`. */
export function useChannelQuery<C extends QueryChannel>(channel: C, request: RequestOf<C>, options: ChannelQueryOptions<C> = {}) {
  return useQuery({ ...options, queryKey: queryKey(channel, request), queryFn: () => invoke(channel, request) });
}

/** Marks every answer of these query channels stale; the ones on screen are read again. */
export function refreshLists(client: QueryClient, channels: readonly QueryChannel[]): Promise<void> {
  return Promise.all(channels.map((channel) => client.invalidateQueries({ queryKey: channelKey(channel) }))).then(() => undefined);
}

/** Refreshes what a changing channel declares it changes: for calls made outside react-query (those that carry a secret). */
export function refreshAfter(client: QueryClient, channel: MutatingChannel): Promise<void> {
  return refreshLists(client, listsChangedBy(channel));
}

/** Sends one request on the mutation's own channel, and only that one. */
export type Send<C extends MutatingChannel> = (request: RequestOf<C>) => Promise<ResponseOf<C>>;

export type ChannelMutationOptions<V, R> = Omit<UseMutationOptions<R, Error, V>, 'mutationFn'>;

/**
 * A call on a changing channel as a react-query mutation. `call` turns the mutation's variables
 * into the channel's request (inside a job when the work is long); when it settles, the lists
 * the channel declares are read again (the ones on screen, awaited), then the caller's own
 * `onSettled` runs.
 */
export function useChannelMutation<C extends MutatingChannel, V = void, R = ResponseOf<C>>(
  channel: C,
  call: (send: Send<C>, variables: V) => Promise<R>,
  options: ChannelMutationOptions<V, R> = {},
) {
  const client = useQueryClient();
  const send: Send<C> = (request) => invoke(channel, request);
  return useMutation<R, Error, V>({
    ...options,
    mutationFn: (variables) => call(send, variables),
    onSettled: async (...settled) => {
      // Awaited: the call counts as done once the lists on screen show its effect, so a form
      // that clears its draft on success never shows the old values in between.
      await refreshAfter(client, channel);
      return options.onSettled?.(...settled);
    },
  });
}
