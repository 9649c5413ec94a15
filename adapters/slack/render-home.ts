import type { Card } from '../../src/bot/types.js';
import { type Block, LIMITS, renderCard, truncate } from './render.js';

/** A home tab holds up to 100 blocks (messages: 50). */
const HOME_BLOCKS = 100;

/**
 * The person's home as a `views.publish` view: a header, then each section as its card's
 * blocks, divided. Sections that no longer fit are left out whole rather than cut mid-card.
 */
export function renderHome(title: string, sections: Card[]): Record<string, unknown> {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(title, LIMITS.headerText) } },
  ];
  for (const card of sections) {
    const part: Block[] = [{ type: 'divider' }, ...renderCard(card)];
    if (blocks.length + part.length > HOME_BLOCKS) break;
    blocks.push(...part);
  }
  return { type: 'home', blocks };
}
