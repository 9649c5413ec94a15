import type { Text } from '../../src/bot/i18n.js';

/** What a decision command asks for when a piece is missing, typed exactly or said in a sentence. */
export const decisionQuestions = {
  no: { 'zh-CN': '请写上审批单号，如 AP-1001。', en: 'Give the request number, e.g. AP-1001.' },
  reason: { 'zh-CN': '拒绝需要写明原因。', en: 'A rejection needs a reason.' },
  to: { 'zh-CN': '请写上转交给谁（邮箱或姓名）。', en: 'Say who to hand it to (e-mail or name).' },
  text: { 'zh-CN': '请写上评论内容。', en: 'Write the comment.' },
  sendBack: { 'zh-CN': '退回需要写明原因。', en: 'Sending back needs a reason.' },
  stepNumber: { 'zh-CN': '步骤请写数字，如 1。', en: 'Write the step as a number, e.g. 1.' },
  signer: { 'zh-CN': '请写上加签给谁（邮箱或姓名）。', en: 'Say who to add (e-mail or name).' },
  question: { 'zh-CN': '请写上要问申请人的问题。', en: 'Write the question for the requester.' },
  answer: { 'zh-CN': '请写上答复内容。', en: 'Write your answer.' },
} satisfies Record<string, Text>;
