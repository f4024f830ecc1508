import { ActivityError, ActivityErrorCode } from '../activities/activity-error';
import { AuthError, AuthErrorCode } from '../auth/auth.error';
import { RequestError } from '../common/errors/request-error';
import { OrdersError, OrdersErrorCode } from '../orders/orders.error';
import { ProvidersError, ProvidersErrorCode } from '../providers/providers.error';
import { HttpErrorFilter } from './http-error.filter';

describe(HttpErrorFilter.name, () => {
  const sut = new HttpErrorFilter();

  it.each([
    [new AuthError(AuthErrorCode.Forbidden, 'no'), 403, 'forbidden'],
    [new AuthError(AuthErrorCode.LoginTaken, 'taken'), 409, 'conflict'],
    [
      new ProvidersError(ProvidersErrorCode.WarehouseNotSupported, 'x'),
      400,
      'warehouse_not_supported',
    ],
    [new OrdersError(OrdersErrorCode.OrderNotFound, 'x'), 404, 'not_found'],
    [RequestError.validation({ a: ['bad'] }), 400, 'validation_failed'],
    [
      new ActivityError(ActivityErrorCode.QuestionAlreadyAnswered, 'x'),
      409,
      'question_already_answered',
    ],
  ])('should map %s to HTTP %i %s', (error, status, code) => {
    const answer = sut.toHttp(error);

    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(code);
  });

  it('should keep per-field details and add Retry-After for throttled logins', () => {
    expect(
      sut.toHttp(RequestError.validation({ 'items.0.quantity': ['must be at least 1'] })).body,
    ).toEqual({
      code: 'validation_failed',
      message: 'The request has 1 invalid field',
      details: { 'items.0.quantity': ['must be at least 1'] },
    });
    expect(sut.toHttp(AuthError.tooManyAttempts(90)).retryAfterSeconds).toBe(90);
  });

  it('should hide unexpected errors behind a generic 500', () => {
    const logger = jest
      .spyOn((sut as unknown as { logger: { error: () => void } }).logger, 'error')
      .mockImplementation(() => undefined);

    const answer = sut.toHttp(new Error('SELECT * FROM secrets failed'));

    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('secrets');
    expect(logger).toHaveBeenCalled();
  });
});
