import { DateTime } from 'luxon';
import { forReader } from '../audience.js';
import { stampLocale } from '../button-locale.js';
import { HOME_TITLE, type HomeSectionSpec } from '../home.js';
import { tr } from '../i18n.js';
import type { Card, Person } from '../types.js';
import type { RouterDeps, Sender } from './deps.js';
import { identify } from './handled.js';

/**
 * A person's home: every flow's section, in their own language, buttons marked with it. Null
 * for someone who is not (and cannot be bound to) an employee.
 */
export async function homeOf(
  deps: RouterDeps,
  specs: HomeSectionSpec[],
  sender: Sender,
): Promise<{ person: Person; title: string; sections: Card[] } | null> {
  const person = await identify(deps, sender);
  if (!person) return null;
  const ctx = {
    person,
    locale: person.locale,
    now: DateTime.fromJSDate(deps.now(), { zone: person.timezone }),
  };
  const sections = await Promise.all(specs.map((spec) => spec.load(ctx)));
  return {
    person,
    title: tr(person.locale, HOME_TITLE, { name: person.name }),
    sections: sections.map((card) => withLocale(card, person)),
  };
}

/** A home section as its owner sees it: in their language, with their buttons only. */
const withLocale = (card: Card, person: Person): Card => {
  const stamped = stampLocale(forReader({ card }, person), person.locale);
  return 'card' in stamped ? stamped.card : card;
};
