import { it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { chatAs } from '../helpers/chat.js';

const app = useTestApp();
const { say, cards, inbox } = chatAs(app);
const show = (who: string, text: string, r: unknown) =>
  console.log(`\n### ${who}: ${text}\n${JSON.stringify(r, null, 1)}`);

it('explores', async () => {
  const tries: [string, string][] = [
    ['li.wei', 'send my digest now'],
    ['li.wei', 'digest'],
    ['zhou.qiang', 'digest'],
    ['bob.smith', '摘要'],
    ['li.wei', 'whoami'],
    ['bob.smith', '我是谁'],
    ['zhang.min', 'stock SKU-1001'],
    ['zhang.min', 'low stock'],
    ['bob.smith', '库存 SKU-1001'],
    ['bob.smith', 'expense 2000 travel flight to NYC'],
    ['zhang.min', 'onboarding Dana Lee dana.lee@demo.example Sales wang.fang@demo.example Dec 15'],
    ['bob.smith', '入职 刘洋 liu.yang@demo.example Sales wang.fang@demo.example 12月15日'],
    ['zhang.min', 'leave Dec 3 to Dec 5 annual trip'],
    ['zhang.min', 'my orders'],
    ['zhang.min', 'my requests'],
    ['li.wei', 'pending'],
    ['chen.jie', 'team attendance'],
    ['chen.jie', 'attendance'],
    ['zhang.min', 'my customers'],
    ['zhang.min', 'pool'],
    ['zhang.min', 'due follow-ups'],
    ['zhou.qiang', 'purchase Acme SKU-1001x100@12.5'],
    ['zhou.qiang', 'purchase 深圳华强 SKU-1001x1000@12.5'],
    ['li.wei', 'customer analytics by stage'],
    ['bob.smith', '帮助'],
    ['bob.smith', 'quiet hours'],
  ];
  for (const [who, text] of tries) show(who, text, await say(who, text));
  show('li.wei', 'INBOX', (await cards('li.wei')).slice(-3));
  show('wang.fang', 'INBOX', (await cards('wang.fang')).slice(-3));
  show('zhou.qiang', 'INBOX', (await inbox('zhou.qiang')).slice(-3));
});
