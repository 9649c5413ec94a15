import { describe, expect, it } from 'vitest';
import { Customer } from '../../../db/models/customer.js';
import { FollowUp } from '../../../db/models/follow-up.js';
import { useTestApp } from '../../helpers/app.js';
import { cardOf, chatAs, textOf } from '../../helpers/chat.js';

const app = useTestApp();
const { say, press } = chatAs(app);

describe('a follow-up said in a sentence', () => {
  it('is shown as understood, written only on Submit, with its channel and note apart', async () => {
    await say('zhang.min', '新客户 晨星物流 杭州 物流');
    const customer = await Customer.findOne({ name: '晨星物流' }).lean();
    const card = cardOf(await say('zhang.min', '拜访了晨星物流，聊了新方案'));
    expect(card.fields).toEqual([['跟进', '晨星物流 拜访 聊了新方案']]);
    expect(await FollowUp.countDocuments({ customerId: customer?._id })).toBe(0);
    const submit = card.actions[0];
    if (!submit) throw new Error('no Submit button');
    expect(textOf(await press('zhang.min', submit))).toBe('已记录对 晨星物流 的跟进。');
    const logged = await FollowUp.findOne({ customerId: customer?._id }).lean();
    expect(logged).toMatchObject({ channel: 'visit', note: '聊了新方案' });
  });
});
