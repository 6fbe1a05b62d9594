import { describe, expect, it } from 'vitest';
import { getCatalog } from '@/lib/content/catalog';
import { deepLinkItems } from './deep-link-items';

const mod = getCatalog().find((m) => m.id === '9-10-living-online')!;

describe('deep-linking content items', () => {
  it('are titled, described and labelled in the launch language', () => {
    for (const locale of ['kk', 'ru', 'en'] as const) {
      const [item] = deepLinkItems([mod], locale, 'https://teach.example.kz/');
      const { title, summary } = mod.lessons[locale].frontmatter;
      expect(item).toMatchObject({ title: `${title} (9-10)`, text: summary, lineItem: { label: title, resourceId: mod.id, scoreMaximum: 100 } });
    }
    const titles = (['kk', 'ru', 'en'] as const).map((l) => deepLinkItems([mod], l, 'https://teach.example.kz/')[0]!.title);
    expect(new Set(titles).size).toBe(3);
    expect(titles[1]).toMatch(/[а-яё]/i);
  });

  it('point at the module on the tool, with the module id as a custom parameter', () => {
    const [item] = deepLinkItems([mod], 'ru', 'https://teach.example.kz/base/');
    expect(item!.url).toBe('https://teach.example.kz/base/learn/9-10-living-online');
    expect(item!.custom).toEqual({ module: '9-10-living-online' });
  });
});
