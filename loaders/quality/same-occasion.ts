/**
 * Orders placed again within a day: one customer's order that follows an earlier order of theirs (earlier hour, or
 * the same hour and a lower order id) by at most `hours` hours. Such an order is the same purchase occasion as the
 * earlier one, not a return (loaders/cases/ecommerce/occasions.ts, RETURN_MIN_HOURS): either the same basket placed
 * twice under a new order id (identical set of products) or one basket split over several order ids. Nothing is
 * removed — both orders are real lines and keep their revenue — only returns are counted from the next occasion on.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {queryOne, run} from "../io/duckdb.ts";
import {examples} from "./sql-examples.ts";
import type {Finding} from "./types.ts";
import {count, ru} from "./words.ts";
import {nouns} from "../../src/components/glossary.ts";

/** Counts behind the finding, for the Data quality page. */
export interface SameOccasionAudit {
  hours: number;
  /** Orders within `hours` of an earlier order of the same customer. */
  orders: number;
  /** Of them, orders with exactly the products of such an earlier order (the basket placed twice). */
  identical: number;
  /** The others: part of one basket under another order id. */
  split: number;
  customers: number;
  /** All orders and customers of the log, for shares. */
  allOrders: number;
  allCustomers: number;
}

/** `owners`: orderId, ownerCh (customer), time (the order's first hour); `lines`: orderId, ph (product), keep (the
 * line is in the clean log). Leaves table `same_occasion_orders` (orderId, cust, identical, earlierId: an identical earlier order when there is
 * one, else the closest). */
export async function sameOccasionAudit(connection: DuckDBConnection, {owners, lines, hours, file}: {owners: string; lines: string; hours: number; file: string}): Promise<{audit: SameOccasionAudit; finding: Finding}> {
  await run(connection, `CREATE OR REPLACE TABLE same_occasion_orders AS
    WITH o AS (SELECT orderId, ownerCh AS cust, time FROM ${owners} WHERE lines > 0),
      pairs AS (SELECT l.orderId, l.cust, e.orderId AS earlierId, (epoch(l.time) - epoch(e.time)) / 3600 AS hoursAfter
        FROM o l JOIN o e ON e.cust = l.cust AND (e.time < l.time OR (e.time = l.time AND e.orderId < l.orderId)) AND l.time <= e.time + INTERVAL ${hours} HOUR),
      -- Baskets of the orders in a pair only (a few per cent of a large log's orders): one list per order is the costly part.
      b AS (SELECT orderId, list_sort(list(DISTINCT ph)) AS basket FROM ${lines}
        WHERE keep AND orderId IN (SELECT orderId FROM pairs UNION SELECT earlierId FROM pairs) GROUP BY orderId),
      p AS (SELECT pairs.*, bl.basket = be.basket AS identical FROM pairs JOIN b bl ON bl.orderId = pairs.orderId JOIN b be ON be.orderId = pairs.earlierId)
    SELECT orderId, any_value(cust) AS cust, bool_or(identical) AS identical, arg_min(earlierId, {i: NOT identical, h: hoursAfter}) AS earlierId
    FROM p GROUP BY orderId`);
  const n = await queryOne<{orders: number; identical: number; customers: number; allOrders: number; allCustomers: number}>(connection,
    `SELECT count(*) AS orders, count(*) FILTER (WHERE identical) AS identical, count(DISTINCT cust) AS customers,
       (SELECT count(*) FROM ${owners} WHERE lines > 0) AS allOrders, (SELECT count(DISTINCT ownerCh) FROM ${owners} WHERE lines > 0) AS allCustomers
     FROM same_occasion_orders`);
  const audit: SameOccasionAudit = {hours, orders: Number(n.orders), identical: Number(n.identical), split: Number(n.orders) - Number(n.identical),
    customers: Number(n.customers), allOrders: Number(n.allOrders), allCustomers: Number(n.allCustomers)};
  const found = audit.orders ? await examples(connection,
    `SELECT min(f.line) AS line, s.orderId AS id, CASE WHEN s.identical THEN 'same products as order ' ELSE 'placed within ${hours} h of order ' END || s.earlierId AS note,
       CASE WHEN s.identical THEN 'те же товары, что в заказе ' ELSE 'оформлен в пределах ${hours} ч после заказа ' END || s.earlierId AS note_ru
     FROM same_occasion_orders s JOIN ${lines} f ON f.orderId = s.orderId AND f.keep GROUP BY s.orderId, s.identical, s.earlierId ORDER BY s.identical DESC, line LIMIT 5`, file) : [];
  const finding: Finding = {kind: "same-occasion", file, field: "orderId", rows: audit.orders, groups: audit.customers,
    summary: audit.orders
      ? {en: `${count(audit.orders, "order follows", "orders follow")} an earlier order of the same customer within ${hours} hours (${count(audit.customers, "customer")}): ${count(audit.identical, "repeats", "repeat")} that order's products exactly, ${audit.split} ${audit.split === 1 ? "holds" : "hold"} other products (a basket split over several order ids) — one purchase, not a return`,
        ru: `${ru.plural(audit.orders, "заказ оформлен", "заказа оформлены", "заказов оформлены")} в пределах ${ru.plural(hours, "часа", "часов", "часов")} после более раннего заказа того же покупателя (${ru.count(audit.customers, nouns.buyer)}): в ${ru.int(audit.identical)} в точности те же товары, что в том заказе, в ${ru.int(audit.split)} — другие (одна корзина, разбитая на несколько номеров заказа); это одна покупка, а не возвращение`}
      : {en: `no customer ordered again within ${hours} hours of an earlier order`, ru: `ни один покупатель не заказал снова в пределах ${ru.plural(hours, "часа", "часов", "часов")} после более раннего заказа`},
    method: {en: `an order of a customer at most ${hours} hours after an earlier order of theirs (earlier hour, or the same hour and a lower order id); identical = the same set of products`,
      ru: `заказ покупателя не позже чем через ${ru.plural(hours, "час", "часа", "часов")} после его более раннего заказа (в более ранний час или в тот же час с меньшим номером заказа); «те же товары» — тот же набор товаров`},
    examples: found};
  return {audit, finding};
}
