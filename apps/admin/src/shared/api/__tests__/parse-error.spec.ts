import { describe, expect, it } from 'vitest';

import { isUnauthenticated } from '../api-error';
import { parseApiError } from '../parse-error';

describe('parseApiError', () => {
  it('should keep code, message and per-field details when the body follows the contract', () => {
    const body = {
      code: 'validation_failed',
      message: 'Some fields are invalid.',
      details: { 'items.0.quantity': ['quantity must be a positive integer'] },
    };

    const error = parseApiError(400, JSON.stringify(body));

    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Some fields are invalid.');
    expect(error.fieldErrors()).toEqual({
      'items.0.quantity': ['quantity must be a positive integer'],
    });
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'too_many_requests'],
    [502, 'unexpected_response'],
  ])('should name the status when a %i comes with a body that is not JSON', (status, code) => {
    const error = parseApiError(status, '<html>Bad Gateway</html>');

    expect(error.code).toBe(code);
    expect(error.message).toContain(String(status));
  });

  it('should not take a JSON body without code and message for an error body', () => {
    const error = parseApiError(500, JSON.stringify({ statusCode: 500 }));

    expect(error.code).toBe('unexpected_response');
  });

  it('should ignore detail entries that are not messages', () => {
    const body = { code: 'validation_failed', message: 'x', details: { a: 'one', b: 3 } };

    expect(parseApiError(400, JSON.stringify(body)).fieldErrors()).toEqual({ a: ['one'] });
  });

  it('should treat a wrong password as a form error, not as a logged-out session', () => {
    const wrongPassword = parseApiError(
      401,
      JSON.stringify({ code: 'invalid_credentials', message: 'Wrong login or password.' }),
    );
    const loggedOut = parseApiError(
      401,
      JSON.stringify({ code: 'unauthenticated', message: 'Log in first.' }),
    );

    expect(isUnauthenticated(wrongPassword)).toBe(false);
    expect(isUnauthenticated(loggedOut)).toBe(true);
  });
});
