/** Replies of the reminder commands. */
export const m = {
  nothing: { 'zh-CN': '今天没有需要你处理的事项。', en: 'Nothing needs you today.' },
  badWhat: {
    'zh-CN': '“{got}”不是可选项：请写“摘要”或“提醒”，或不写（两者都）。',
    en: '"{got}" is not one of them: write "digests" or "reminders", or nothing for both.',
  },
  badQuiet: {
    'zh-CN': '“{got}”不是时段：请写成 22:00-07:30，或“关”“默认”。',
    en: '"{got}" is not a time range: write it like 22:00-07:30, or "off" or "default".',
  },
  muted: {
    all: {
      'zh-CN': '好的，不再给你发每日摘要和提醒。发送“取消静音”恢复。',
      en: 'Done: no more morning digests or reminders. Send "unmute" to get them again.',
    },
    digests: {
      'zh-CN': '好的，不再给你发每日摘要（提醒照常）。发送“取消静音 摘要”恢复。',
      en: 'Done: no more morning digests (reminders still come). Send "unmute digests" to undo.',
    },
    reminders: {
      'zh-CN': '好的，不再给你发提醒（每日摘要照常）。发送“取消静音 提醒”恢复。',
      en: 'Done: no more reminders (the morning digest still comes). Send "unmute reminders" to undo.',
    },
  },
  unmuted: {
    all: { 'zh-CN': '已恢复每日摘要和提醒。', en: 'Morning digests and reminders are back on.' },
    digests: { 'zh-CN': '已恢复每日摘要。', en: 'The morning digest is back on.' },
    reminders: { 'zh-CN': '已恢复提醒。', en: 'Reminders are back on.' },
  },
  settings: {
    'zh-CN': '免打扰时段：{hours}（{zone}），期间的提醒会在结束后发出。已静音：{muted}。',
    en: 'Quiet hours: {hours} ({zone}); reminders in them wait until they end. Muted: {muted}.',
  },
  noQuiet: { 'zh-CN': '无', en: 'none' },
  digestsOff: { 'zh-CN': '每日摘要', en: 'morning digests' },
  remindersOff: { 'zh-CN': '提醒', en: 'reminders' },
  and: { 'zh-CN': '、', en: ' and ' },
  nothingMuted: { 'zh-CN': '无', en: 'nothing' },
};
