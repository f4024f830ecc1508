import type { ActivityQuestionDto } from '@autobuy/contracts';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useCanOperate } from '../../auth/can-operate';
import { formatDateTime } from '../../lib/format';
import { ErrorAlert } from '../../ui/error-alert';
import { notifySuccess } from '../../ui/notify';
import { useAnswerQuestion } from '../api/activity-mutations';
import { questionButtons, questionContextRows, type QuestionButton } from '../lib/question-view';

function useButtonLabel(): (button: QuestionButton) => string {
  const { t } = useTranslation();

  return (button) => {
    if (button.nickname !== undefined) {
      return t('question.switchTo', { nickname: button.nickname });
    }

    return button.knownChoice
      ? t(`question.choices.${button.knownChoice}`, { defaultValue: button.label })
      : button.label;
  };
}

function ContextTable(props: { question: ActivityQuestionDto }) {
  const { t } = useTranslation();
  const rows = questionContextRows(props.question);
  if (rows.length === 0) {
    return null;
  }

  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="question-context">
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field} data-field={row.field}>
            {row.field === 'item' || row.field === 'stock' ? (
              <>
                <Table.Th w={200}>{t(`question.${row.field}`)}</Table.Th>
                <Table.Td>{row.after}</Table.Td>
              </>
            ) : (
              <>
                <Table.Th w={200}>
                  {t(row.field === 'price' ? 'question.oldPrice' : 'question.oldConfiguration')}
                  {' / '}
                  {t(row.field === 'price' ? 'question.newPrice' : 'question.newConfiguration')}
                </Table.Th>
                <Table.Td>
                  <Text span td="line-through" c="dimmed" data-testid="question-before">
                    {row.before ?? '—'}
                  </Text>
                  {' → '}
                  <Text span fw={600} data-testid="question-after">
                    {row.after ?? '—'}
                  </Text>
                </Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The open question of an activity with its context and one button per choice. */
export function QuestionPanel(props: { question: ActivityQuestionDto }) {
  const { t, i18n } = useTranslation();
  const { question } = props;
  const canAnswer = useCanOperate();
  const answer = useAnswerQuestion(question.activityId);
  const labelOf = useButtonLabel();
  const buttons = questionButtons(question);
  const defaultButton = buttons.find((button) => button.isDefault);

  return (
    <Alert color="orange" title={t('question.title')} data-testid="question-panel">
      <Stack gap="sm">
        <Text fw={500} data-testid="question-prompt">
          {question.prompt}
        </Text>
        <ContextTable question={question} />
        {question.deadlineAt && defaultButton && (
          <Text size="xs" c="dimmed">
            {t('question.deadline', {
              date: formatDateTime(question.deadlineAt, i18n.language),
              choice: labelOf(defaultButton),
            })}
          </Text>
        )}
        {answer.isError && <ErrorAlert error={answer.error} />}
        <Group gap="xs">
          {buttons.map((button) => (
            <Button
              key={button.choice}
              size="xs"
              variant={button.isDefault ? 'outline' : 'filled'}
              disabled={!canAnswer || answer.isPending}
              loading={answer.isPending && answer.variables.choice === button.choice}
              data-testid="question-option"
              data-choice={button.choice}
              onClick={() =>
                answer.mutate(
                  { questionId: question.id, choice: button.choice },
                  { onSuccess: () => notifySuccess(t('question.sent')) },
                )
              }
            >
              {labelOf(button)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Alert>
  );
}
