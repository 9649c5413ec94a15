import type { Text } from '../../src/bot/i18n.js';

/** What a decision command asks for when a piece is missing, typed exactly or said in a sentence. */
export const decisionQuestions = {
  no: { 'zh-CN': '请写上审批单号，如 AP-1001。', en: 'Give the request number, e.g. AP-1001.' },
  reason: { 'zh-CN': '拒绝需要写明原因。', en: 'A rejection needs a reason.' },
  to: { 'zh-CN': '请写上转交给谁（邮箱或姓名）。', en: 'Say who to hand it to (e-mail or name).' },
  text: { 'zh-CN': '请写上评论内容。', en: 'Write the comment.' },
} satisfies Record<string, Text>;
