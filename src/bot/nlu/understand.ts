import type { CommandSpec, Flow, ParseContext, SentenceReader } from '../flow.js';
import { type Example, IntentClassifier, type Ranked } from './classifier.js';
import { isNegated, plainRequest } from './fillers.js';
import { greetings, outOfScope } from './small-talk/index.js';

export type Understood =
  /** `confirm`: a write recognised from free text, held for the person's Submit. */
  | { kind: 'command'; command: CommandSpec; args: unknown; confirm: boolean }
  /** One piece is missing: asked for alone; `rest` is what was understood so far, as grammar text. */
  | { kind: 'ask'; command: CommandSpec; question: string; field: string; rest: string }
  | { kind: 'problem'; command: CommandSpec; problem: string }
  | { kind: 'greeting' }
  /** Nothing fits well enough; `candidates` are the closest commands, best first. */
  | { kind: 'unknown'; candidates: CommandSpec[] };

export type Understander = {
  understand(text: string, ctx: ParseContext): Promise<Understood>;
  /** A sentence read as one given command (its keyword led, but its grammar did not fit). */
  readAs(command: CommandSpec, text: string, ctx: ParseContext): Understood;
  classify(text: string): Ranked;
};

/**
 * Below this score the best intent is a guess: the person gets suggestions, not an action. A
 * write needs more certainty than a read, since it would put a card to submit in front of them.
 */
const READ_THRESHOLD = 0.25;
const WRITE_THRESHOLD = 0.4;
const NONE_MARGIN = 0.05;

/**
 * The second stage after the exact grammar: an intent from the whole sentence (a classifier
 * trained on the flows' own phrasings), then the command's arguments from anywhere in it.
 */
export async function createUnderstander(flows: readonly Flow[], cacheDir: string): Promise<Understander> {
  const commands = flows.flatMap((f) => f.commands);
  const byIntent = new Map(commands.map((c) => [c.intent, c]));
  const readers = new Map(flows.flatMap((f) => Object.entries(f.readers ?? {})));
  const examples: Example[] = [
    ...flows.flatMap((f) =>
      Object.entries(f.phrasings ?? {}).flatMap(([intent, texts]) => texts.map((text) => ({ text, intent }))),
    ),
    ...commands.flatMap((c) =>
      [...c.examples['zh-CN'], ...c.examples.en].map((text) => ({ text, intent: c.intent })),
    ),
    ...greetings.map((text) => ({ text, intent: 'greeting' })),
    ...outOfScope.map((text) => ({ text, intent: 'none' })),
  ];
  const classifier = await IntentClassifier.load(examples, cacheDir);

  const candidatesOf = (ranked: Ranked) =>
    ranked
      .filter((r) => r.score >= 0.1)
      .flatMap((r) => byIntent.get(r.intent) ?? [])
      .slice(0, 3);

  async function understand(text: string, ctx: ParseContext): Promise<Understood> {
    if (text.trim() === '') return { kind: 'greeting' };
    const ranked = classifier.classify(text);
    const top = ranked[0];
    if (top?.intent === 'greeting' && top.score >= READ_THRESHOLD) return { kind: 'greeting' };
    const command = top && byIntent.get(top.intent);
    if (!top || !command) return { kind: 'unknown', candidates: candidatesOf(ranked.slice(1)) };
    const writes = command.writes !== undefined && command.writes !== false;
    // as sure it is this command as that it is nothing at all: not sure enough
    const nothing = ranked.find((r) => r.intent === 'none')?.score ?? 0;
    const unsure =
      top.score < (writes ? WRITE_THRESHOLD : READ_THRESHOLD) || top.score - nothing < NONE_MARGIN;
    if (unsure || (writes && !command.negative && isNegated(text)))
      return { kind: 'unknown', candidates: candidatesOf(ranked) };

    return readAs(command, text, ctx);
  }

  function readAs(command: CommandSpec, text: string, ctx: ParseContext): Understood {
    const result = (readers.get(command.intent) ?? defaultReader(command))(text, ctx);
    if ('args' in result) {
      const confirm = typeof command.writes === 'function' ? command.writes(result.args) : !!command.writes;
      return { kind: 'command', command, args: result.args, confirm };
    }
    if (result.ask)
      return {
        kind: 'ask',
        command,
        question: result.problem,
        field: result.ask,
        rest: result.rest ?? plainRequest(text, command),
      };
    return { kind: 'problem', command, problem: result.problem };
  }

  return { understand, readAs, classify: (text) => classifier.classify(text) };
}

/**
 * Without a reader of its own, a command takes nothing from a sentence when it takes no
 * arguments at all ("what's waiting for me?"), else its grammar reads the sentence stripped of
 * courtesy and its own keywords.
 */
function defaultReader(command: CommandSpec): SentenceReader {
  return (text, ctx) => {
    const bare = command.parse('', ctx);
    if ('args' in bare && !('args' in command.parse('x', ctx))) return bare;
    return command.parse(plainRequest(text, command), ctx);
  };
}
