import { describe, expect, it, vi } from 'vitest';

import { LiveClient } from '../live-client';
import { FakeSocket } from './fake-socket';

function started() {
  const socket = new FakeSocket();
  const client = new LiveClient(socket);
  client.start();

  return { socket, client };
}

describe('LiveClient', () => {
  it('should subscribe to an activity from the newest seq the page already has', () => {
    const { socket, client } = started();

    client.hold({ activityId: 'a1' }, { afterSeq: () => 7 });

    expect(socket.sentOf('live.subscribe')).toEqual([{ activityId: 'a1', afterSeq: 7 }]);
  });

  it('should subscribe once for two holders and unsubscribe when the last one leaves', () => {
    const { socket, client } = started();

    const releaseFirst = client.hold({ orderId: 'o1' });
    const releaseSecond = client.hold({ orderId: 'o1' });
    releaseFirst();

    expect(socket.sentOf('live.subscribe')).toEqual([{ orderId: 'o1' }]);
    expect(socket.sentOf('live.unsubscribe')).toEqual([]);

    releaseSecond();

    expect(socket.sentOf('live.unsubscribe')).toEqual([{ orderId: 'o1' }]);
  });

  it('should subscribe what was held while down once the connection comes up', () => {
    const socket = new FakeSocket();
    const client = new LiveClient(socket);

    client.hold({ attention: true });
    expect(socket.sentOf('live.subscribe')).toEqual([]);
    client.start();

    expect(socket.sentOf('live.subscribe')).toEqual([{ attention: true }]);
  });

  it('should report down after a drop and re-subscribe from the seq reached meanwhile', () => {
    const { socket, client } = started();
    let seq = 3;
    const refetch = vi.fn();
    client.hold({ activityId: 'a1' }, { afterSeq: () => seq });
    client.hold({ orderId: 'o1' }, { onResubscribed: refetch });
    const statuses: string[] = [];
    client.onStatus((status) => statuses.push(status));

    socket.serverDrops();
    seq = 5;
    socket.serverConnects();

    expect(statuses).toEqual(['down', 'connected']);
    expect(socket.sentOf('live.subscribe')).toEqual([
      { activityId: 'a1', afterSeq: 3 },
      { orderId: 'o1' },
      { activityId: 'a1', afterSeq: 5 },
      { orderId: 'o1' },
    ]);
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('should replay from the smallest seq when two holders of one activity saw different amounts', () => {
    const socket = new FakeSocket();
    const client = new LiveClient(socket);
    client.hold({ activityId: 'a1' }, { afterSeq: () => 9 });
    client.hold({ activityId: 'a1' }, { afterSeq: () => 4 });

    client.start();

    expect(socket.sentOf('live.subscribe')).toEqual([{ activityId: 'a1', afterSeq: 4 }]);
  });

  it('should refuse a request while down instead of waiting forever', async () => {
    const socket = new FakeSocket();
    const client = new LiveClient(socket);

    await expect(client.request('login.attach', { activityId: 'a1' })).rejects.toThrow(
      'not connected',
    );
  });

  it('should resolve a request with the server ack', async () => {
    const { socket, client } = started();
    socket.ackWith = () => ({ ok: true, width: 800, height: 600 });

    await expect(client.request('login.attach', { activityId: 'a1' })).resolves.toEqual({
      ok: true,
      width: 800,
      height: 600,
    });
  });
});
