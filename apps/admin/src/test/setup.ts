import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The machines running the suite are shared and often busy: waiting up to 10 s for the UI to
// settle keeps the tests deterministic without asserting anything about speed.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
