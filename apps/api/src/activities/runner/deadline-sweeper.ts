import type { QueueDriver } from '../queue/queue-driver';
import type { ActivityStore } from '../store/activity-store';
import type { EventLog } from '../store/event-log';
import type { QuestionStore } from '../store/question-store';

/** Gives overdue questions their declared default, says so in the log, and re-queues. */
export class DeadlineSweeper {
  constructor(
    private readonly questions: QuestionStore,
    private readonly store: ActivityStore,
    private readonly events: EventLog,
    private readonly driver: QueueDriver,
  ) {}

  async sweep(nowMs: number): Promise<number> {
    let taken = 0;
    for (const question of await this.questions.overdue(nowMs)) {
      if (!(await this.questions.answerOnce(question.id, question.defaultChoice, null, true))) {
        continue;
      }
      taken += 1;

      const activity = await this.store.find(question.activityId);
      if (
        !activity ||
        activity.pendingQuestionId !== question.id ||
        activity.state !== 'waiting_for_operator'
      ) {
        // Left behind by a crash between asking and suspending, or by a cancel: nobody waits on it.
        continue;
      }
      const label =
        question.options.find((option) => option.id === question.defaultChoice)?.label ??
        question.defaultChoice;
      await this.events.append(activity, {
        type: 'answer',
        level: 'warn',
        message: `No answer before the deadline; took the default "${label}"`,
        data: { questionId: question.id, choice: question.defaultChoice, byDefault: true },
      });
      const queued = await this.store.transition(
        activity.id,
        'queued',
        {},
        'Queued again with the default answer',
        { from: ['waiting_for_operator'] },
      );
      if (queued) {
        await this.driver.enqueue(activity.id);
      }
    }

    return taken;
  }
}
