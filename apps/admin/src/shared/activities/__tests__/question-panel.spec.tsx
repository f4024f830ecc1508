import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { activityDetail, question } from '../../../test/activity-fixtures';
import { mockApi } from '../../../test/fetch-mock';
import { operator, renderWithProviders } from '../../../test/render';
import { QuestionPanel } from '../components/question-panel';

describe('QuestionPanel', () => {
  it('should show old and new configuration and send the chosen answer', async () => {
    const { requests } = mockApi({
      'POST /api/v1/activities/act-1/answers': { status: 200, body: activityDetail() },
    });
    renderWithProviders(<QuestionPanel question={question()} />, { language: 'en' });

    expect(screen.getByText('颜色:黑色')).toBeTruthy();
    expect(screen.getByText('颜色:白色')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skip the item' }));

    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0].body).toEqual({ questionId: 'q-1', choice: 'skip_item' });
  });

  it('should label the buttons in Russian', () => {
    renderWithProviders(<QuestionPanel question={question()} />, { language: 'ru' });

    expect(screen.getByRole('button', { name: 'Отменить позицию' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Прервать' })).toBeTruthy();
  });

  it('should not let a viewer answer', () => {
    renderWithProviders(<QuestionPanel question={question()} />, {
      as: operator({ role: 'viewer', login: 'viewer' }),
    });

    for (const button of screen.getAllByTestId('question-option')) {
      expect(button.hasAttribute('disabled')).toBe(true);
    }
  });

  it('should say why an answer was refused', async () => {
    mockApi({
      'POST /api/v1/activities/act-1/answers': {
        status: 409,
        body: { code: 'question_already_answered', message: 'Someone else answered first' },
      },
    });
    renderWithProviders(<QuestionPanel question={question()} />, { language: 'en' });

    fireEvent.click(screen.getByRole('button', { name: 'Abort' }));

    expect(await screen.findByText('Someone else answered this question first.')).toBeTruthy();
  });
});
