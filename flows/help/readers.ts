import type { SentenceReader } from '../../src/bot/flow.js';
import { withoutCourtesy } from '../../src/bot/nlu/fillers.js';

/**
 * "how do I file an expense?" → help on expense: the topic is the first command keyword the
 * sentence names, found by the help flow when it answers; here only the question words go.
 */
const QUESTION =
  /怎么用|怎么|如何|怎样|能干嘛|能做什么|有什么功能|有哪些功能|什么命令|用法|how (do|can|to) i|how does|what can you do|what do you do|how to|usage( of)?|help( me)?( with)?|commands?/giu;

export const readers: Record<string, SentenceReader> = {
  help(text) {
    const topic = withoutCourtesy(text.replace(QUESTION, ' ')).replace(/[?？]/gu, '').trim();
    return { args: topic && topic.length <= 40 ? { topic } : {} };
  },
};
