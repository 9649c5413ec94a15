import type { Channel } from '../../db/models/follow-up.js';

/** What a visit or a negotiation carries beside its note, each as written. */
export type FollowUpDetails = { place?: string; price?: string; nextStep?: string };

const PLACE = /(?:^|[\s,，;；。])(?:地点|位置|place|location)[:：]?\s*([^\s,，;；。]+)/iu;
const PRICE = /(?:^|[\s,，;；。])(?:价格|价钱|报价|price)[:：]?\s*([^\s,，;；。]+)/iu;
// the next step runs to the end of the note: "下一步 下周发合同草稿"
const NEXT_STEP = /(?:^|[\s,，;；。])(?:下一步|next step)[:：]?\s*(.+)$/iu;

/**
 * Reads the labelled parts of a visit's note (地点 <place>) and of a negotiation's (价格 <price>,
 * 下一步 <step>). The note keeps them too: it is what was said, read back in the history.
 */
export function followUpDetails(note: string, channel: Channel): FollowUpDetails {
  const details: FollowUpDetails = {};
  if (channel === 'visit') {
    const place = PLACE.exec(note)?.[1];
    if (place) details.place = place.slice(0, 200);
  }
  if (channel === 'negotiation') {
    const price = PRICE.exec(note)?.[1];
    const step = NEXT_STEP.exec(note)?.[1]?.trim();
    if (price) details.price = price.slice(0, 100);
    if (step) details.nextStep = step.slice(0, 300);
  }
  return details;
}
