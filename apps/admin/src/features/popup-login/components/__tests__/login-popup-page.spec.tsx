import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';

import { LiveProvider } from '../../../../shared/live/live-context';
import { FakeSocket } from '../../../../shared/live/__tests__/fake-socket';
import { renderWithProviders } from '../../../../test/render';
import { LoginPopupPage } from '../login-popup-page';

function renderPopup(socket: FakeSocket) {
  socket.ackWith = (event) =>
    event === 'login.attach' ? { ok: true, width: 800, height: 600 } : { ok: true };

  return renderWithProviders(
    <LiveProvider socketFactory={() => socket}>
      <Routes>
        <Route path="/popup/login/:activityId" element={<LoginPopupPage />} />
      </Routes>
    </LiveProvider>,
    { path: '/popup/login/login-1', language: 'en' },
  );
}

const inputs = (socket: FakeSocket) =>
  socket.sentOf('login.input').map((message) => (message as { input: unknown }).input);

describe('LoginPopupPage', () => {
  it('should attach to its login activity and take the page size', async () => {
    const socket = new FakeSocket();
    renderPopup(socket);

    await waitFor(() =>
      expect(screen.getByTestId('login-canvas').getAttribute('data-page-width')).toBe('800'),
    );
    expect(socket.sentOf('login.attach')).toEqual([{ activityId: 'login-1' }]);
  });

  it('should send the composed Chinese text once and Enter as a key', async () => {
    const socket = new FakeSocket();
    renderPopup(socket);
    const typing = await screen.findByTestId('login-typing');

    fireEvent.keyDown(typing, { key: 'Process', code: 'KeyN' });
    // The test DOM's CompositionEvent carries no data; a browser's does.
    const composed = new Event('compositionend', { bubbles: true });
    Object.defineProperty(composed, 'data', { value: '你好' });
    act(() => {
      typing.dispatchEvent(composed);
    });
    fireEvent.keyDown(typing, { key: 'Enter', code: 'Enter' });

    expect(inputs(socket)).toEqual([
      { type: 'text', text: '你好' },
      { type: 'key', action: 'down', key: 'Enter', code: 'Enter' },
    ]);
  });

  it('should show why the login window cannot be attached', async () => {
    const socket = new FakeSocket();
    renderPopup(socket);
    socket.ackWith = () => ({ ok: false, code: 'login_not_attachable', message: 'Not yours' });
    act(() => socket.serverDrops());
    act(() => socket.serverConnects());

    expect((await screen.findByTestId('popup-refused')).textContent).toContain('Not yours');
  });

  it('should close itself once the login succeeded', async () => {
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const socket = new FakeSocket();
    renderPopup(socket);
    await screen.findByTestId('login-typing');

    act(() =>
      socket.deliver('login.status', {
        activityId: 'login-1',
        status: 'logged_in',
        nickname: '买家01',
      }),
    );

    expect((await screen.findByTestId('popup-logged-in')).textContent).toContain('买家01');
    await waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('should ignore the status of another login', async () => {
    const socket = new FakeSocket();
    renderPopup(socket);
    await screen.findByTestId('login-typing');

    act(() =>
      socket.deliver('login.status', { activityId: 'other', status: 'failed', reason: 'x' }),
    );

    expect(screen.queryByTestId('popup-failed')).toBeNull();
  });
});
