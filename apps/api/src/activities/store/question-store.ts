import { randomUUID } from 'node:crypto';

import { type DataSource, IsNull, LessThanOrEqual, type Repository } from 'typeorm';

import { ActivityQuestionEntity } from '../entities/activity-question.entity';
import type { QuestionSpec } from '../handlers/activity-handler';
import { asRow } from './as-row';

export class QuestionStore {
  readonly repository: Repository<ActivityQuestionEntity>;

  constructor(dataSource: DataSource) {
    this.repository = dataSource.getRepository(ActivityQuestionEntity);
  }

  async create(
    activityId: string,
    spec: QuestionSpec,
    nowMs: number,
  ): Promise<ActivityQuestionEntity> {
    const question = this.repository.create({
      id: randomUUID(),
      activityId,
      prompt: spec.prompt,
      options: spec.options,
      context: spec.context ?? {},
      defaultChoice: spec.defaultChoice,
      deadlineMs: spec.deadlineMs === undefined ? null : nowMs + spec.deadlineMs,
      choice: null,
      answeredBy: null,
      answeredAt: null,
      answeredByDefault: false,
      createdAt: new Date(nowMs),
    });
    await this.repository.insert(asRow(question));

    return question;
  }

  async find(id: string): Promise<ActivityQuestionEntity | null> {
    return this.repository.findOneBy({ id });
  }

  /** The one write that accepts an answer: whoever updates the still-open row wins. */
  async answerOnce(
    id: string,
    choice: string,
    answeredBy: string | null,
    byDefault: boolean,
  ): Promise<boolean> {
    const result = await this.repository
      .createQueryBuilder()
      .update()
      .set({ choice, answeredBy, answeredAt: new Date(), answeredByDefault: byDefault })
      .where('id = :id AND choice IS NULL', { id })
      .execute();

    return (result.affected ?? 0) > 0;
  }

  async overdue(nowMs: number): Promise<ActivityQuestionEntity[]> {
    return this.repository.find({
      where: { choice: IsNull(), deadlineMs: LessThanOrEqual(nowMs) },
      order: { deadlineMs: 'ASC' },
      take: 100,
    });
  }

  async forActivity(activityId: string): Promise<ActivityQuestionEntity[]> {
    return this.repository.find({ where: { activityId }, order: { createdAt: 'ASC' } });
  }
}
