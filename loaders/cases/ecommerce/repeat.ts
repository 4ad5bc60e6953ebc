/**
 * Time to a customer's return — their second purchase occasion: the first order more than RETURN_MIN_HOURS after
 * their first (loaders/cases/ecommerce/occasions.ts; orders sooner are the same purchase) — for repeat-purchase questions that account for how long each
 * customer was observed. Observation ends at the repeat cutoff when the log has one (the start of a
 * window at its end where customer ids look re-used: second orders there are not trusted), else at the
 * end of the log:
 *
 *   customers first seen on or after the end of observation are left out (never observed);
 *   a return before it is an event, at its days after the first order;
 *   otherwise the customer is censored at the end of observation (a return on or after the
 *   cutoff does not count: "not yet by the cutoff", never "never").
 *
 * A customer's orders are taken in time order, ties by order id (as the first order of eco_customers).
 */
import type {CustomerProfile, OrderRow} from "./customers.ts";
import {secondOccasion} from "./occasions.ts";

const DAY_MS = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);

/** Each customer's orders in time order (ties: lower order id first). */
export function orderSequences(orders: readonly OrderRow[]): Map<string, OrderRow[]> {
  const byCustomer = new Map<string, OrderRow[]>();
  for (const o of orders) {
    const list = byCustomer.get(o.customerId);
    if (list) list.push(o);
    else byCustomer.set(o.customerId, [o]);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.orderId - b.orderId));
  return byCustomer;
}

export interface ReturnTime {
  customer: CustomerProfile;
  /** Days from the first order to the return (event) or to the end of observation (censored). */
  days: number;
  returned: boolean;
  /** Month of the first order (YYYY-MM), the stratum of seasonal comparisons. */
  cohort: string;
}

export interface ReturnTimes {
  rows: ReturnTime[];
  /** When observation ends (ISO): the repeat cutoff, or the end of the log. */
  observedUntil: string;
  /** Customers left out because their first order is on or after the repeat cutoff. */
  firstSeenAfterCutoff: number;
  /** Returns on or after the repeat cutoff (not counted). */
  secondOrdersAfterCutoff: number;
}

export function returnTimes(customers: readonly CustomerProfile[], sequences: ReadonlyMap<string, readonly OrderRow[]>, {end, repeatCutoff}: {end: string; repeatCutoff: string | null}): ReturnTimes {
  const observedUntil = repeatCutoff ?? end;
  const stop = ms(observedUntil);
  const rows: ReturnTime[] = [];
  let firstSeenAfterCutoff = 0;
  let secondOrdersAfterCutoff = 0;
  for (const customer of customers) {
    const first = ms(customer.firstTime);
    if (repeatCutoff !== null && first >= stop) {
      firstSeenAfterCutoff++;
      continue;
    }
    const second = secondOccasion(sequences.get(customer.customerId) ?? []);
    const secondAt = second ? ms(second.time) : Infinity;
    // The cutoff is the first instant not observed; the end of the log is the last one observed.
    const returned = repeatCutoff === null ? secondAt <= stop : secondAt < stop;
    if (second && !returned) secondOrdersAfterCutoff++;
    rows.push({customer, days: ((returned ? secondAt : stop) - first) / DAY_MS, returned, cohort: customer.firstTime.slice(0, 7)});
  }
  return {rows, observedUntil, firstSeenAfterCutoff, secondOrdersAfterCutoff};
}
