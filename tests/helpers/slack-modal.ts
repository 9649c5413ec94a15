import { TEAM } from './slack.js';

// A modal as views.open received it, and the view_submission Slack sends when it is submitted.

type Element = {
  type: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: { value: string };
};
export type Modal = {
  title: { text: string };
  private_metadata: string;
  blocks: { block_id?: string; element?: Element }[];
};

/** What an input shows when submitted: the value typed over the one the modal opened with. */
export function inputState(element: Element, typed: string | undefined) {
  if (element.type === 'datepicker')
    return { type: element.type, selected_date: typed ?? element.initial_date ?? null };
  if (element.type === 'static_select') {
    const chosen = typed ?? element.initial_option?.value;
    return { type: element.type, selected_option: chosen ? { value: chosen } : null };
  }
  return { type: element.type, value: typed ?? element.initial_value ?? null };
}

/** The view_submission for `view` (opened as `viewId`) with `values` typed over its initial ones. */
export function viewSubmission(user: string, viewId: string, view: Modal, values: Record<string, string>) {
  const state = Object.fromEntries(
    view.blocks.map((b) => [
      b.block_id,
      { value: inputState(b.element ?? { type: 'plain_text_input' }, values[b.block_id ?? '']) },
    ]),
  );
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'demo' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: 'A0PNCHHK2',
    trigger_id: `${viewId}.submit`,
    view: {
      id: viewId,
      team_id: TEAM,
      type: 'modal',
      callback_id: 'form',
      private_metadata: view.private_metadata,
      state: { values: state },
    },
  };
}
