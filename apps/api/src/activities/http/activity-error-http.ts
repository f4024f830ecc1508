import { ActivityErrorCode, type ActivityError } from '../activity-error';

export interface ActivityHttpError {
  status: number;
  code: string;
}

/** How the app's error filter answers an ActivityError; one entry per code. */
export function activityErrorToHttp(error: ActivityError): ActivityHttpError {
  switch (error.code) {
    case ActivityErrorCode.ActivityNotFound:
    case ActivityErrorCode.QuestionNotFound:
      return { status: 404, code: 'not_found' };
    case ActivityErrorCode.QuestionAlreadyAnswered:
      return { status: 409, code: 'question_already_answered' };
    case ActivityErrorCode.NotWaitingForOperator:
      return { status: 409, code: 'not_waiting_for_operator' };
    case ActivityErrorCode.AlreadyFinished:
      return { status: 409, code: 'already_finished' };
    case ActivityErrorCode.NotRetryable:
      return { status: 409, code: 'not_retryable' };
    case ActivityErrorCode.IllegalTransition:
      return { status: 409, code: 'illegal_transition' };
    case ActivityErrorCode.InvalidChoice:
      return { status: 400, code: 'invalid_choice' };
    case ActivityErrorCode.InvalidCursor:
      return { status: 400, code: 'validation_failed' };
    case ActivityErrorCode.HandlerMissing:
    case ActivityErrorCode.HandlerDuplicated:
    case ActivityErrorCode.UnknownStep:
      return { status: 500, code: 'internal_error' };
  }
}
