import type { ParseContext, ParseResult } from '../../../src/bot/flow.js';
import { general } from '../requests/general.js';
import type { RequestType } from '../requests/request-type.js';
import { clauses, joinClauses, tidyClause } from './clean.js';
import { finishRequest, type Layout } from './request-reading.js';

/** Asking for an approval, not what for: "走个审批", "提个申请", "raise an approval", "I need approval to". */
const NOISE = [
  /(?:走|提|发起|申请|开)?(?:个|一个|一下)?\s*(?:通用)?(?:审批|申请|approval)(?:流程)?/giu,
  /\b(?:(?:raise|open|file|start|submit|create)\s+(?:an?\s+)?(?:general\s+)?(?:approval|request)(?:\s+request)?|general\s+request|request\s+approval|approval\s+request|need\s+(?:an\s+)?approval\s+(?:to|for)|approval(?:\s+(?:to|for))?)\b/giu,
];

/**
 * "想走个审批买一把人体工学椅，腰不好" → title 买一把人体工学椅, details 腰不好. The first thing said
 * is the title, the rest the details; when only a title is said, the details are asked for.
 */
export function readGeneral(text: string, ctx: ParseContext): ParseResult<unknown> {
  const said = clauses(text)
    .map((c) => tidyClause(c, NOISE))
    .filter(Boolean);
  const [title, ...details] = said;
  return finishRequest(
    general as unknown as RequestType,
    { fields: { title, text: joinClauses(details) } },
    ctx,
    layout,
  );
}

/** `通用审批 <title>：<details>`: details asked for are appended after the colon. */
const layout: Layout = {
  pieces: (f) => [{ field: 'title', text: f.title ? `${f.title}：` : '' }],
  answers: (ctx) => ({
    title: ctx.locale === 'en' ? 'New monitors' : '采购显示器',
    text: ctx.locale === 'en' ? 'two for the new hires' : '给新人配两台',
  }),
};
