import { createAdapter } from '@socket.io/redis-adapter';
import IORedis from 'ioredis';
import type { Server } from 'socket.io';

/** Connects a Socket.IO server to the others through Redis; returns how to disconnect. */
export async function attachRedisAdapter(
  server: Server,
  redisUrl: string,
  channelPrefix = 'autobuy-live',
): Promise<() => Promise<void>> {
  const publisher = new IORedis(redisUrl);
  const subscriber = publisher.duplicate();
  server.adapter(createAdapter(publisher, subscriber, { key: channelPrefix }));
  await Promise.all([waitReady(publisher), waitReady(subscriber)]);
  // The adapter subscribed while being created; Redis answers in order, so once this PING
  // returns the subscriptions are live and nothing published from now on is missed.
  await subscriber.ping();

  return async () => {
    await Promise.all([
      publisher.quit().catch(() => 'closed'),
      subscriber.quit().catch(() => 'closed'),
    ]);
  };
}

async function waitReady(client: IORedis): Promise<void> {
  if (client.status === 'ready') {
    return;
  }
  await new Promise<void>((resolve, reject) => {
    client.once('ready', () => resolve());
    client.once('error', reject);
  });
}
