import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '../../../test/render';
import { LiveProvider } from '../live-context';
import { LiveIndicator } from '../live-indicator';
import { useAttentionCount } from '../use-attention-count';
import { FakeSocket } from './fake-socket';

function Badge() {
  return <span data-testid="count">{useAttentionCount()}</span>;
}

describe('live indicator and attention count', () => {
  it('should show the indicator only while the live channel is down', async () => {
    const socket = new FakeSocket();
    renderWithProviders(
      <LiveProvider socketFactory={() => socket}>
        <LiveIndicator />
      </LiveProvider>,
      { language: 'en' },
    );
    expect(screen.queryByTestId('live-down')).toBeNull();

    act(() => socket.serverDrops());
    expect((await screen.findByTestId('live-down')).textContent).toBe('Live updates off');

    act(() => socket.serverConnects());
    expect(screen.queryByTestId('live-down')).toBeNull();
  });

  it('should subscribe to the attention count and show what the server sends', async () => {
    const socket = new FakeSocket();
    renderWithProviders(
      <LiveProvider socketFactory={() => socket}>
        <Badge />
      </LiveProvider>,
    );

    act(() => socket.deliver('attention.count', { count: 3 }));

    expect(await screen.findByText('3')).toBeTruthy();
    expect(socket.sentOf('live.subscribe')).toContainEqual({ attention: true });
  });
});
