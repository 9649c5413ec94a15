import { homeSectionsOf } from './home.js';
import { act, submit } from './router/card-answers.js';
import type { RouterDeps, Sender } from './router/deps.js';
import { homeOf } from './router/home-view.js';
import { dispatchMessage } from './router/messages.js';
import { createTurns } from './router/turns.js';
import type { CardAction, FormSubmission, Incoming } from './types.js';

export type { RouterDeps } from './router/deps.js';

/**
 * The one entry point every adapter ends in: a message, a click or a form in, neutral replies
 * out; and a person's home. The steps live in router/: who is speaking and handling each event
 * once (handled.ts), what a turn starts from (turns.ts), messages (messages.ts), clicks and forms
 * (card-answers.ts), the home (home-view.ts).
 */
export function createRouter(deps: RouterDeps) {
  const turns = createTurns(deps);
  const actions = new Map(deps.flows.flatMap((f) => f.actions).map((a) => [a.actionId, a]));
  const homeSpecs = homeSectionsOf(deps.flows);
  return {
    dispatch: (incoming: Incoming) => dispatchMessage(deps, turns, incoming),
    act: (action: CardAction) => act(deps, turns, actions, action),
    submit: (submission: FormSubmission) => submit(deps, turns, submission),
    home: (sender: Sender) => homeOf(deps, homeSpecs, sender),
    commands: turns.commands,
    areas: turns.areas,
  };
}
