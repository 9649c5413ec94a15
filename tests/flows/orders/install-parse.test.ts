import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseAssign, parseReport } from '../../../flows/orders/install-commands.js';
import { readers } from '../../../flows/orders/readers.js';
import type { ParseContext } from '../../../src/bot/flow.js';

// a Wednesday
const now = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const zh: ParseContext = { locale: 'zh-CN', now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en: ParseContext = { ...zh, locale: 'en' };

describe('installation commands as typed', () => {
  it('assign: order, installer, optional due day in the person’s zone', () => {
    expect(parseAssign('SO-1001 王强 截止 周五', zh)).toEqual({
      args: { no: 'SO-1001', assignee: '王强', due: '2027-03-12' },
    });
    expect(parseAssign('1001 Wang Qiang due next Monday', en)).toEqual({
      args: { no: 'SO-1001', assignee: 'Wang Qiang', due: '2027-03-15' },
    });
    expect(parseAssign('SO-1001 吴军', zh)).toEqual({ args: { no: 'SO-1001', assignee: '吴军', due: '' } });
    expect(parseAssign('王强', zh)).toEqual({ problem: '请写上订单号，如 SO-1001。' });
    expect(parseAssign('SO-1001 王强 截止 昨天', zh)).toEqual({ problem: '截止日期不能早于今天。' });
    expect(parseAssign('SO-1001 王强 截止 某天', zh)).toMatchObject({
      problem: expect.stringMatching(/某天/),
    });
  });

  it('done: a note is needed; a link is the photo', () => {
    expect(parseReport('SO-1001 已调试 客户签字 https://img.example/1.jpg', zh)).toEqual({
      args: { no: 'SO-1001', note: '已调试 客户签字', photo: 'https://img.example/1.jpg' },
    });
    expect(parseReport('SO-1001 https://img.example/1.jpg', en)).toMatchObject({
      problem: 'Add a note about the installation.',
    });
  });

  it('sentences read the same arguments', () => {
    expect(
      readers['orders.install.done']?.('SO-1002 装好了，调试正常 https://img.example/a.jpg', zh),
    ).toEqual({
      args: { no: 'SO-1002', note: '调试正常', photo: 'https://img.example/a.jpg' },
    });
    expect(readers['orders.install.assign']?.('send Wang Qiang to install SO-1001 by Friday', en)).toEqual({
      args: { no: 'SO-1001', assignee: 'Wang Qiang', due: '2027-03-12' },
    });
    expect(readers['orders.install.assign']?.('让吴军去装 SO-1002', zh)).toEqual({
      args: { no: 'SO-1002', assignee: '吴军', due: '' },
    });
  });
});
