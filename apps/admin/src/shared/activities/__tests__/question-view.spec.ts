import { describe, expect, it } from 'vitest';

import { question } from '../../../test/activity-fixtures';
import { questionButtons, questionContextRows } from '../lib/question-view';

describe('question buttons', () => {
  it('should offer the three outdated-configuration choices with abort as the default', () => {
    const buttons = questionButtons(question());

    expect(buttons.map((button) => [button.choice, button.isDefault])).toEqual([
      ['cancel_item', false],
      ['skip_item', false],
      ['abort', true],
    ]);
  });

  it('should turn "switch session" into one button per other session', () => {
    const buttons = questionButtons(
      question({
        options: [
          { id: 'switch_session', label: 'Switch' },
          { id: 'stop', label: 'Stop' },
        ],
        defaultChoice: 'stop',
        context: {
          sessions: [
            { id: 's2', nickname: '买家二' },
            { id: 's3', nickname: 'b3' },
          ],
        },
      }),
    );

    expect(buttons.map((button) => [button.choice, button.nickname])).toEqual([
      ['switch_session:s2', '买家二'],
      ['switch_session:s3', 'b3'],
      ['stop', undefined],
    ]);
  });

  it('should leave out "switch session" when no other session is listed', () => {
    const buttons = questionButtons(
      question({
        options: [
          { id: 'switch_session', label: 'Switch' },
          { id: 'stop', label: 'Stop' },
        ],
        defaultChoice: 'stop',
        context: { sessions: 'broken' },
      }),
    );

    expect(buttons.map((button) => button.choice)).toEqual(['stop']);
  });

  it('should keep the server label of a choice the admin does not know', () => {
    const [button] = questionButtons(
      question({
        options: [{ id: 'wait_a_day', label: 'Wait a day' }],
        defaultChoice: 'wait_a_day',
      }),
    );

    expect(button).toMatchObject({ knownChoice: null, label: 'Wait a day', isDefault: true });
  });
});

describe('question context rows', () => {
  it('should compare old and new price and configuration and show the stock', () => {
    expect(questionContextRows(question())).toEqual([
      { field: 'item', before: null, after: '连衣裙' },
      { field: 'price', before: '100.00', after: '120.00' },
      { field: 'configuration', before: '颜色:黑色', after: '颜色:白色' },
      { field: 'stock', before: null, after: '5' },
    ]);
  });

  it('should leave out a price that did not change and show a stock of zero', () => {
    const rows = questionContextRows(
      question({
        context: { title: 'T', oldPrice: '10.00', newPrice: '10.00', stock: 0 },
      }),
    );

    expect(rows.map((row) => row.field)).toEqual(['item', 'stock']);
    expect(rows[1].after).toBe('0');
  });

  it('should show nothing for a question without context', () => {
    expect(questionContextRows(question({ context: {} }))).toEqual([]);
  });
});
