import { z } from 'zod';
import { defineCommand, type Flow } from '../../src/bot/flow.js';

const noteArgs = z.object({ title: z.string().min(1), days: z.coerce.number().int().positive() });
export const handled: unknown[] = [];
// A flow that exists only here, to drive the router's form paths without depending on a real one.
export const noteFlow: Flow = {
  name: 'note',
  areas: [{ id: 'note', label: { 'zh-CN': '备注', en: 'Notes' }, order: 1 }],
  commands: [
    defineCommand<z.infer<typeof noteArgs>>({
      intent: 'note.add',
      area: 'note',
      keywords: { 'zh-CN': ['备注'], en: ['note'] },
      summary: { 'zh-CN': '记一条', en: 'Add a note' },
      usage: { 'zh-CN': '备注 <天数> <标题>', en: 'note <days> <title>' },
      examples: { 'zh-CN': ['备注 2 出差'], en: ['note 2 trip'] },
      parse(rest) {
        const [days, ...title] = rest.split(' ');
        const parsed = noteArgs.safeParse({ days, title: title.join(' ') });
        return parsed.success ? { args: parsed.data } : { problem: 'days and title are needed' };
      },
      async handle(ctx, args) {
        handled.push(args);
        ctx.reply(`noted ${args.title}`);
      },
      form: {
        title: { 'zh-CN': '备注', en: 'Note' },
        fields: [
          { name: 'days', label: { 'zh-CN': '天数', en: 'Days' }, kind: 'number' },
          { name: 'title', label: { 'zh-CN': '标题', en: 'Title' }, kind: 'text' },
        ],
        parse(values) {
          const parsed = noteArgs.safeParse(values);
          if (parsed.success) return { args: parsed.data };
          return {
            errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])),
          };
        },
      },
    }),
  ],
  actions: [],
};
