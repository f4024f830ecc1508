import { DomainError } from '../common/errors/domain-error';

export enum ActivityErrorCode {
  ActivityNotFound = 'activity_not_found',
  QuestionNotFound = 'question_not_found',
  QuestionAlreadyAnswered = 'question_already_answered',
  InvalidChoice = 'invalid_choice',
  NotWaitingForOperator = 'not_waiting_for_operator',
  AlreadyFinished = 'already_finished',
  NotRetryable = 'not_retryable',
  IllegalTransition = 'illegal_transition',
  InvalidCursor = 'invalid_cursor',
  HandlerMissing = 'handler_missing',
  HandlerDuplicated = 'handler_duplicated',
  UnknownStep = 'unknown_step',
}

/** The activities module's one error type; `activityErrorStatus` maps it to HTTP. */
export class ActivityError extends DomainError<ActivityErrorCode> {
  constructor(
    code: ActivityErrorCode,
    message: string,
    readonly details?: Record<string, string[]>,
  ) {
    super(code, message, details);
  }
}
