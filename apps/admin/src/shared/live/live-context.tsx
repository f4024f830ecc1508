import type { LiveTopic } from '@autobuy/contracts';
import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useEffectEvent,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

import { syncCacheWithLive } from './cache-sync';
import { LiveClient, topicKey, type LiveSocket, type LiveStatus } from './live-client';
import { createLiveSocket } from './live-socket';

const LiveContext = createContext<LiveClient | null>(null);

/**
 * Opens the page's one live connection while mounted (inside the logged-in part of the app) and
 * keeps the query cache in step with it. Tests hand in a fake socket.
 */
export function LiveProvider(props: { children: ReactNode; socketFactory?: () => LiveSocket }) {
  const queryClient = useQueryClient();
  const factory = props.socketFactory ?? createLiveSocket;
  const [client] = useState(() => new LiveClient(factory()));

  useEffect(() => {
    const stopSync = syncCacheWithLive(client, queryClient);
    client.start();

    return () => {
      stopSync();
      client.stop();
    };
  }, [client, queryClient]);

  return <LiveContext.Provider value={client}>{props.children}</LiveContext.Provider>;
}

/** The live client, or null outside a LiveProvider (a component test without one). */
export function useLiveClient(): LiveClient | null {
  return useContext(LiveContext);
}

export function useLiveStatus(): LiveStatus {
  const client = useLiveClient();

  return useSyncExternalStore(
    (notify) => client?.onStatus(notify) ?? (() => undefined),
    () => client?.getStatus() ?? 'connected',
  );
}

/**
 * Holds a live topic while the component is shown. `afterSeq` reads the newest seq the page has;
 * `onResubscribed` refetches what a room fed after a reconnect. Null holds nothing.
 */
export function useLiveTopic(
  topic: LiveTopic | null,
  options: { afterSeq?: () => number; onResubscribed?: () => void } = {},
): void {
  const client = useLiveClient();
  const key = topic ? topicKey(topic) : null;
  // The topic's identity is its key; the newest callbacks are read when the client calls them.
  const currentTopic = useEffectEvent(() => topic);
  const afterSeq = useEffectEvent(() => options.afterSeq?.() ?? 0);
  const onResubscribed = useEffectEvent(() => options.onResubscribed?.());

  useEffect(() => {
    const held = currentTopic();
    if (!client || !key || !held) {
      return undefined;
    }

    return client.hold(held, {
      afterSeq: () => afterSeq(),
      onResubscribed: () => onResubscribed(),
    });
  }, [client, key]);
}
