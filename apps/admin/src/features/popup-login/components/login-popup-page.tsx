import type {
  LoginAttachAck,
  LoginFrameMessage,
  LoginInput,
  LoginStatusMessage,
} from '@autobuy/contracts';
import { Alert, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';

import { useDocumentTitle } from '../../../shared/hooks/use-document-title';
import { useLiveClient, useLiveStatus } from '../../../shared/live/live-context';
import { LIVE } from '../../../shared/live/live-events';
import { fitInto, keyToInput, mouseButton, toPagePoint } from '../lib/input-mapping';

type PopupState =
  | { kind: 'connecting' }
  | { kind: 'refused'; reason: string }
  | { kind: 'streaming'; challenge: boolean }
  | { kind: 'logged_in'; nickname: string }
  | { kind: 'failed'; reason: string };

// Long enough to read "Logged in as …" before the window goes.
const CLOSE_DELAY_MS = 1500;

function useWindowSize() {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const update = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', update);

    return () => window.removeEventListener('resize', update);
  }, []);

  return size;
}

/**
 * The popup window of a provider login: the provider's page drawn on a canvas scaled to the
 * window, every click, scroll, key and typed text (IME compositions included) sent back to it.
 * It closes itself once the login succeeded; the opener's session panel updates over the live
 * channel.
 */
export function LoginPopupPage() {
  const { t } = useTranslation();
  const { activityId = '' } = useParams();
  const client = useLiveClient();
  const status = useLiveStatus();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const typingRef = useRef<HTMLTextAreaElement>(null);
  const [page, setPage] = useState({ width: 1024, height: 768 });
  const [state, setState] = useState<PopupState>({ kind: 'connecting' });
  const [drawn, setDrawn] = useState(false);
  const windowSize = useWindowSize();
  const shown = fitInto(page, windowSize);
  useDocumentTitle(t('popup.title'));

  // Attach (again after every reconnect) and follow frames and status of this login only.
  useEffect(() => {
    if (!client || status !== 'connected') {
      return undefined;
    }
    let drawing: HTMLImageElement | null = null;
    const stopFrames = client.on<LoginFrameMessage>(LIVE.loginFrame, (frame) => {
      if (frame.activityId !== activityId) return;
      setPage((current) =>
        current.width === frame.width && current.height === frame.height
          ? current
          : { width: frame.width, height: frame.height },
      );
      const image = new Image();
      drawing = image;
      image.onload = () => {
        const canvas = canvasRef.current;
        // A newer frame may have started loading meanwhile; only the newest is drawn.
        if (!canvas || drawing !== image) return;
        canvas.width = frame.width;
        canvas.height = frame.height;
        canvas.getContext('2d')?.drawImage(image, 0, 0, frame.width, frame.height);
        setDrawn(true);
      };
      image.src = `data:image/jpeg;base64,${frame.data}`;
    });
    const stopStatus = client.on<LoginStatusMessage>(LIVE.loginStatus, (message) => {
      if (message.activityId !== activityId) return;
      if (message.status === 'logged_in') {
        setState({ kind: 'logged_in', nickname: message.nickname ?? '' });
        setTimeout(() => window.close(), CLOSE_DELAY_MS);
      } else if (message.status === 'failed') {
        setState({ kind: 'failed', reason: message.reason ?? '' });
      } else {
        setState({ kind: 'streaming', challenge: true });
      }
    });
    client
      .request<LoginAttachAck>(LIVE.loginAttach, { activityId })
      .then((ack) => {
        if (ack.ok) {
          setPage({ width: ack.width, height: ack.height });
          setState((current) =>
            current.kind === 'connecting' ? { kind: 'streaming', challenge: false } : current,
          );
        } else {
          setState({ kind: 'refused', reason: ack.message });
        }
      })
      .catch((error: unknown) =>
        setState({
          kind: 'refused',
          reason: error instanceof Error ? error.message : String(error),
        }),
      );

    return () => {
      stopFrames();
      stopStatus();
    };
  }, [client, status, activityId]);

  const send = (input: LoginInput) => client?.send(LIVE.loginInput, { activityId, input });

  const pointOf = (event: { clientX: number; clientY: number }) => {
    const rect = canvasRef.current?.getBoundingClientRect();

    return rect ? toPagePoint(event.clientX, event.clientY, rect, page) : { x: 0, y: 0 };
  };

  const mouse = (action: 'down' | 'up' | 'move', event: MouseEvent) => {
    const button = mouseButton(event.button);
    if (action !== 'move' && !button) return;
    if (action === 'down') {
      // The hidden text box takes the keyboard and the IME; keep it focused while on the page.
      event.preventDefault();
      typingRef.current?.focus();
    }
    send({
      type: 'mouse',
      action,
      ...pointOf(event),
      ...(action === 'move' ? {} : { button: button ?? 'left', clickCount: event.detail || 1 }),
    });
  };

  const key = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const input = keyToInput({
      type: event.type === 'keydown' ? 'keydown' : 'keyup',
      key: event.key,
      code: event.code,
      isComposing: event.nativeEvent.isComposing,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
    });
    if (input) {
      event.preventDefault();
      send(input);
    }
  };

  const live = state.kind === 'streaming' || state.kind === 'connecting';

  return (
    <Stack
      gap={0}
      align="center"
      style={{ height: '100vh', overflow: 'hidden', background: '#222' }}
    >
      {state.kind === 'connecting' && (
        <Center pos="absolute" top={16} data-testid="popup-connecting">
          <Loader size="sm" mr="xs" />
          <Text c="white">{t('popup.connecting')}</Text>
        </Center>
      )}
      {state.kind === 'refused' && (
        <Alert color="red" m="md" data-testid="popup-refused">
          {t('popup.attachFailed', { reason: state.reason })}
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" m="md" data-testid="popup-failed">
          {t('popup.failed', { reason: state.reason })}
        </Alert>
      )}
      {state.kind === 'logged_in' && (
        <Alert color="green" m="md" data-testid="popup-logged-in">
          {t('popup.loggedIn', { nickname: state.nickname })}
        </Alert>
      )}
      {state.kind === 'streaming' && state.challenge && (
        <Text c="yellow" size="sm" pos="absolute" top={4} data-testid="popup-challenge">
          {t('popup.challenge')}
        </Text>
      )}
      <canvas
        ref={canvasRef}
        width={page.width}
        height={page.height}
        role="img"
        aria-label={t('popup.canvasLabel')}
        data-testid="login-canvas"
        data-page-width={page.width}
        data-page-height={page.height}
        data-drawn={drawn}
        style={{
          width: shown.width,
          height: shown.height,
          cursor: 'default',
          display: live ? 'block' : 'none',
        }}
        onMouseDown={(event) => mouse('down', event)}
        onMouseUp={(event) => mouse('up', event)}
        onMouseMove={(event) => mouse('move', event)}
        onContextMenu={(event) => event.preventDefault()}
        onWheel={(event) =>
          send({ type: 'wheel', ...pointOf(event), deltaX: event.deltaX, deltaY: event.deltaY })
        }
      />
      <textarea
        ref={typingRef}
        aria-label={t('popup.canvasLabel')}
        data-testid="login-typing"
        autoFocus
        style={{ position: 'absolute', left: 0, bottom: 0, width: 1, height: 1, opacity: 0 }}
        onKeyDown={key}
        onKeyUp={key}
        onCompositionEnd={(event) => {
          if (event.data) send({ type: 'text', text: event.data });
          event.currentTarget.value = '';
        }}
        onPaste={(event) => {
          event.preventDefault();
          const text = event.clipboardData.getData('text');
          if (text) send({ type: 'text', text });
        }}
        onChange={(event) => {
          // Text already went out key by key or as a composition; the box only needs to be empty.
          if (!(event.nativeEvent as InputEvent).isComposing) {
            event.currentTarget.value = '';
          }
        }}
      />
    </Stack>
  );
}
