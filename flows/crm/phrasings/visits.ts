import type { Phrasings } from '../../../src/bot/flow.js';

/** Checking in at a customer on a field visit. */
export const visitPhrasings: Phrasings = {
  'crm.visit.checkIn': [
    '我到华信科技了，外勤打个卡',
    '在远航制造现场，帮我外勤签到',
    '外勤打卡 天合商贸 南山园区',
    '到博雅医疗了，打个外勤卡，地点是他们总部',
    '人在金桥科技，外勤打卡一下',
    '帮我在华信这边签个外勤到',
    '刚到远航制造工厂，外勤打卡',
    '外勤签到：天合商贸 滨江办公室',
    "field check-in at Contoso, I'm at their Shanghai office",
    'check me in at Fabrikam, on site visit',
    "I've arrived at Northwind Traders, field check-in please",
    'field check-in Litware headquarters',
    'on site at Contoso now, log my field check-in',
    '我在 Contoso 这边，外勤打卡',
  ],
};
