import {
  WORKFLOW_CHOICES,
  type ActivityQuestionDto,
  type DealLimitQuestionContext,
} from '@autobuy/contracts';

/** One button of a question: the choice sent, and either a known choice id or server words. */
export interface QuestionButton {
  choice: string;
  /** A choice the admin has its own words for (`question.choices.<id>`); else `label` is shown. */
  knownChoice: string | null;
  label: string;
  /** For "switch session" buttons: the nickname to name in the label. */
  nickname?: string;
  isDefault: boolean;
}

/** A row comparing what the order says with what the provider says now. */
export interface ContextRow {
  field: 'price' | 'configuration' | 'stock' | 'item';
  before: string | null;
  after: string | null;
}

const KNOWN_CHOICES: readonly string[] = Object.values(WORKFLOW_CHOICES);

function text(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }

  return null;
}

function sessionsOf(context: Record<string, unknown>): DealLimitQuestionContext['sessions'] {
  const sessions = context.sessions;
  if (!Array.isArray(sessions)) {
    return [];
  }

  return sessions.filter(
    (session): session is { id: string; nickname: string } =>
      typeof session === 'object' &&
      session !== null &&
      typeof (session as { id?: unknown }).id === 'string' &&
      typeof (session as { nickname?: unknown }).nickname === 'string',
  );
}

/**
 * The buttons of a question, in the server's order. "Switch session" becomes one button per
 * other session the context lists (the answer names the session); with none listed it is left
 * out, since there is nothing to switch to.
 */
export function questionButtons(question: ActivityQuestionDto): QuestionButton[] {
  const buttons: QuestionButton[] = [];
  for (const option of question.options) {
    if (option.id === WORKFLOW_CHOICES.switchSession) {
      for (const session of sessionsOf(question.context)) {
        buttons.push({
          choice: `${WORKFLOW_CHOICES.switchSession}:${session.id}`,
          knownChoice: WORKFLOW_CHOICES.switchSession,
          label: option.label,
          nickname: session.nickname,
          isDefault: false,
        });
      }
      continue;
    }
    buttons.push({
      choice: option.id,
      knownChoice: KNOWN_CHOICES.includes(option.id) ? option.id : null,
      label: option.label,
      isDefault: option.id === question.defaultChoice,
    });
  }

  return buttons;
}

/**
 * What the operator compares to decide: the item, old vs new price and configuration, and the
 * stock. Rows appear only for what the context carries; a price that did not change is kept
 * out so the change that matters stands out.
 */
export function questionContextRows(question: ActivityQuestionDto): ContextRow[] {
  const context = question.context;
  const rows: ContextRow[] = [];
  const title = text(context.title);
  if (title) {
    rows.push({ field: 'item', before: null, after: title });
  }

  const oldPrice = text(context.oldPrice);
  const newPrice = text(context.newPrice);
  if ((oldPrice || newPrice) && oldPrice !== newPrice) {
    rows.push({ field: 'price', before: oldPrice, after: newPrice });
  }

  const oldConfiguration = text(context.oldConfiguration);
  const newConfiguration = text(context.newConfiguration);
  if ((oldConfiguration || newConfiguration) && oldConfiguration !== newConfiguration) {
    rows.push({ field: 'configuration', before: oldConfiguration, after: newConfiguration });
  }

  const stock = text(context.stock);
  if (stock !== null) {
    rows.push({ field: 'stock', before: null, after: stock });
  }

  return rows;
}
