import { Customer, type CustomerDoc } from '../../db/models/customer.js';
import type { Person } from '../../src/bot/types.js';
import { canSee } from './access.js';
import { type NameEntry, namesContaining } from './name-index.js';
import { findByName } from './service.js';

export type Resolved =
  | { kind: 'one'; customer: CustomerDoc; rest: string }
  | { kind: 'many'; candidates: CustomerDoc[]; name: string; rest: string }
  | { kind: 'none'; name: string; rest: string }
  | { kind: 'hidden'; customer: CustomerDoc; rest: string };

/**
 * Finds the customer a text starts with. Names may hold spaces ("Acme Corp"), so the longest
 * leading run of words that is an exact (folded) name wins; otherwise the first word is matched
 * fuzzily (contained in a name) among the customers this person may see. Exact names are point
 * reads (the name pointer); the fuzzy match runs over the in-memory name index, and only the few
 * candidates shown are read, by `_id`.
 * `wholeText`: the whole text is the name (show, claim), nothing follows it. `anyOwner`: match
 * every customer, not only those the viewer may see (an order names who it is for).
 */
export async function resolveCustomer(
  text: string,
  viewer: Person,
  wholeText = false,
  anyOwner = false,
): Promise<Resolved> {
  const sees = (c: Pick<CustomerDoc, 'ownerId'>) => anyOwner || canSee(c, viewer);
  const words = text.split(/\s+/).filter(Boolean);
  const longest = wholeText ? words.length : Math.min(words.length, 5);
  for (let n = longest; n >= 1; n--) {
    const name = words.slice(0, n).join(' ');
    const exact = await findByName(name);
    const rest = words.slice(n).join(' ');
    if (exact)
      return (await sees(exact))
        ? { kind: 'one', customer: exact, rest }
        : { kind: 'hidden', customer: exact, rest };
    if (wholeText) break;
  }
  const name = wholeText ? words.join(' ') : (words[0] ?? '');
  const rest = wholeText ? '' : words.slice(1).join(' ');
  const chosen: NameEntry[] = [];
  for (const entry of await namesContaining(name, 40))
    if (chosen.length < 8 && (await sees({ ownerId: entry.ownerId }))) chosen.push(entry);
  const read = await Promise.all(chosen.map((e) => Customer.findById(e.id).lean<CustomerDoc>()));
  // the index may be a moment behind another instance: who may see it is decided on the document
  const visible: CustomerDoc[] = [];
  for (const c of read) if (c && (await sees(c))) visible.push(c);
  if (visible.length === 1 && visible[0]) return { kind: 'one', customer: visible[0], rest };
  if (visible.length > 1) return { kind: 'many', candidates: visible, name, rest };
  return { kind: 'none', name, rest };
}
