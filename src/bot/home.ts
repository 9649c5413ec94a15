import type { DateTime } from 'luxon';
import type { Text } from './i18n.js';
import type { Card, Locale, Person } from './types.js';

export const HOME_TITLE: Text = { 'zh-CN': '{name} 的工作台', en: "{name}'s workplace" };

/** Whose home is being built, in their language and zone. */
export type HomeContext = { person: Person; locale: Locale; now: DateTime };

/**
 * One part of a person's home (Slack App Home, Lark's menu card): a neutral card with its
 * buttons. A section shows even when empty ("nothing waiting"), so the home keeps its shape.
 */
export type HomeSectionSpec = { name: string; order: number; load(ctx: HomeContext): Promise<Card> };

/** Every section the flows declare, in home order. */
export function homeSectionsOf(flows: { homeSections?: HomeSectionSpec[] }[]): HomeSectionSpec[] {
  return flows.flatMap((f) => f.homeSections ?? []).sort((a, b) => a.order - b.order);
}

/**
 * The home as one card, for platforms that show one message (Lark): each section's title and
 * lines in turn, every button at the end.
 */
export function homeAsCard(title: string, sections: Card[]): Card {
  const body = sections
    .map((s) =>
      [`**${s.title}**`, ...s.fields.map(([k, v]) => `${k}: ${v}`), s.body ?? ''].filter(Boolean).join('\n'),
    )
    .join('\n\n');
  return { title, fields: [], body, actions: sections.flatMap((s) => s.actions) };
}
