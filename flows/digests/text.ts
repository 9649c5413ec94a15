/** Bot copy of the digest card itself; each section's lines live with the flow that adds it. */
export const t = {
  title: { 'zh-CN': '早安，{name} · 今日摘要', en: 'Good morning, {name} · your day' },
  more: { 'zh-CN': '……还有 {n} 条', en: '…and {n} more' },
};
