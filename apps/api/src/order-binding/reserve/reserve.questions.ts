import {
  type ActivityQuestionOption,
  type DealLimitQuestionContext,
  type ItemOutdatedQuestionContext,
  WORKFLOW_CHOICES as C,
} from '@autobuy/contracts';

import type { QuestionSpec } from '../../activities/handlers/activity-handler';
import type { ItemIssue, ReserveItem } from './reserve.state';

/** Operators answer within a day; then the safe default is taken and the log says so. */
export const QUESTION_DEADLINE_MS = 24 * 60 * 60 * 1000;

function issueText(item: ReserveItem, issue: ItemIssue): string {
  switch (issue.kind) {
    case 'configuration':
      return issue.newConfiguration === null
        ? `The configuration "${item.expectedConfiguration ?? item.skuId ?? ''}" of "${item.title}" is no longer offered.`
        : `"${item.title}" is now offered as "${issue.newConfiguration}" instead of "${item.expectedConfiguration ?? ''}".`;
    case 'price':
      return `The price of "${item.title}" changed from ${issue.oldPrice ?? '?'} to ${issue.newPrice ?? '?'}, beyond the allowed tolerance.`;
    case 'stock':
      return `"${item.title}" has ${issue.stock ?? 0} in stock, ${item.quantity} are needed.`;
  }
}

export function itemIssueQuestion(item: ReserveItem, issue: ItemIssue): QuestionSpec {
  const context: ItemOutdatedQuestionContext = {
    itemId: item.itemId,
    title: item.title,
    oldPrice: issue.oldPrice,
    newPrice: issue.newPrice,
    oldConfiguration: issue.oldConfiguration,
    newConfiguration: issue.newConfiguration,
    stock: issue.stock,
  };
  const options: ActivityQuestionOption[] = [
    { id: C.cancelItem, label: 'Cancel this item' },
    { id: C.skipItem, label: 'Skip this item' },
    { id: C.abort, label: 'Abort the reservation' },
  ];
  if (issue.kind === 'price') {
    options.unshift({ id: C.acceptPrice, label: `Accept the new price ${issue.newPrice ?? ''}` });
  }

  return {
    prompt: `${issueText(item, issue)} What should happen to this item?`,
    options,
    defaultChoice: C.abort,
    deadlineMs: QUESTION_DEADLINE_MS,
    context: { ...context, kind: issue.kind },
  };
}

export function dealLimitQuestion(
  providerText: string,
  sessions: { id: string; nickname: string }[],
): QuestionSpec {
  const context: DealLimitQuestionContext = { sessions };

  return {
    prompt:
      `The provider refused the order: the account has as many unpaid orders as it allows ` +
      `(${providerText}). Pay or cancel unpaid orders on the provider, or continue on another ` +
      `session.`,
    options: [
      ...sessions.map((session) => ({
        id: `${C.switchSession}:${session.id}`,
        label: `Continue on ${session.nickname}`,
      })),
      { id: C.stop, label: 'Stop the reservation' },
    ],
    defaultChoice: C.stop,
    deadlineMs: QUESTION_DEADLINE_MS,
    context: { ...context },
  };
}

export function unclearSubmitQuestion(titles: string[], detail: string): QuestionSpec {
  return {
    prompt:
      `The provider did not answer the order submit clearly (${detail}), and its order list ` +
      `does not show orders for: ${titles.join('; ')}. Check the provider's order list: ` +
      `resubmit only if no such order exists there.`,
    options: [
      { id: C.resubmit, label: 'Submit these items again' },
      { id: C.markFailed, label: 'Mark them failed' },
    ],
    defaultChoice: C.markFailed,
    deadlineMs: QUESTION_DEADLINE_MS,
    context: { titles },
  };
}
