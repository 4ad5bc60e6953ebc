/**
 * What one e-commerce mailing may bring under the reader's assumption of how many of the customers
 * mailed place an extra order because of it (compared with the control group held back). Shared by
 * the loader (loaders/cases/ecommerce/actions.ts: the Summary quotes it at DEFAULT_EXTRA_ORDER_RATE)
 * and the Summary page (recomputed live when the reader changes the rate), so both always agree.
 * Loaders import it from here because pages cannot import from loaders/.
 *
 * Each extra order is valued at the offer's threshold: the offer applies only to orders above it, so
 * an order placed for the offer is worth at least that much. The offer's cost is its discount on
 * those orders (it is also given on orders that would have come anyway: the control group measures
 * how many). Revenue, not profit: the log holds no margins.
 */

/**
 * Extra orders per customer mailed: an assumption, not a finding. Nothing in an order log says how
 * many people a mail moves; the store's own past campaigns, or the control group after the first
 * send, give the real rate.
 */
export const DEFAULT_EXTRA_ORDER_RATE = 0.02;

export interface MailingValue {
  /** Extra orders expected from the customers mailed. */
  orders: number;
  /** Their revenue, at least (each at the offer's threshold). */
  revenue: number;
  /** The discount given on those orders. */
  discount: number;
}

/** `a.contact`: customers mailed (the control group excluded); `a.threshold`: the offer's minimum order; `a.discount`: the share it gives away. */
export function mailingValue(a: {contact: number; threshold: number; discount: number}, extraOrderRate: number): MailingValue {
  const orders = a.contact * extraOrderRate;
  const revenue = orders * a.threshold;
  return {orders, revenue, discount: revenue * a.discount};
}
