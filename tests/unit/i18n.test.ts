import { describe, expect, it } from 'vitest';
import { detectLocale, tr } from '../../src/bot/i18n.js';

describe('i18n', () => {
  it('fills placeholders in the chosen language', () => {
    const text = { 'zh-CN': '你好 {name}', en: 'Hi {name}, {missing}' };
    expect(tr('zh-CN', text, { name: '李伟' })).toBe('你好 李伟');
    expect(tr('en', text, { name: 'Bob' })).toBe('Hi Bob, {missing}');
  });

  it('follows the script of the text, else the person', () => {
    expect(detectLocale('帮助', 'en')).toBe('zh-CN');
    expect(detectLocale('库存 SKU-1001', 'en')).toBe('zh-CN');
    expect(detectLocale('help', 'zh-CN')).toBe('en');
    expect(detectLocale('123 ✓', 'en')).toBe('en');
    expect(detectLocale('123', 'zh-CN')).toBe('zh-CN');
  });
});
