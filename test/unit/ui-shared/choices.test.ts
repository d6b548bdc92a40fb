/** Sidebar dropdowns show the user's language and write the workbook's values (issue 13 §3). */
import { listChoices } from '../../../src/ui/shared/choices';
import { listLabels } from '../../../templates/lists';

describe('listChoices', () => {
  const english = {
    dealStatus: listLabels('dealStatus', 'en'),
    region: [...listLabels('region', 'en'), 'Mars'],
  };
  const chinese = { dealStatus: listLabels('dealStatus', 'zh-CN') };

  it('shows a Chinese user the Chinese label of an English workbook value, and writes the English value', () => {
    const won = listChoices(english, 'dealStatus', 'zh-CN').find((option) => option.value === 'Won');
    expect(won).toEqual({ value: 'Won', label: '已成交' });
  });

  it('shows an English user English labels of a Chinese workbook', () => {
    expect(listChoices(chinese, 'dealStatus', 'en').find((option) => option.value === '已成交')).toEqual({
      value: '已成交',
      label: 'Won',
    });
  });

  it("keeps a team's own value as it is and knows no list it was not given", () => {
    expect(listChoices(english, 'region', 'zh-CN').at(-1)).toEqual({ value: 'Mars', label: 'Mars' });
    expect(listChoices(english, 'nonsense', 'en')).toEqual([]);
  });
});
