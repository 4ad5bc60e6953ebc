/**
 * The customer value model (value.ts customerValueModel) in a worker thread. On a log of millions of customers it
 * takes about as long as the profiles, hypothesis tests and mailing plan together, which the main thread computes
 * meanwhile, on the machine's other core. The orders and first orders go over as typed arrays (segments as numbers);
 * the customer ids stay on the main thread, which puts them back on the result by each customer's row.
 */
import {isMainThread, parentPort, Worker, workerData} from "node:worker_threads";
import {customerValueModel, type CustomerOrders, type CustomerValueModel, type ValueInput} from "./value.ts";

/** What the worker is sent: the input without customer ids, segments as indexes into `segmentNames` (−1: none). */
interface ValueJob extends Omit<ValueInput, "orders"> {
  job: "customer-value";
  orders: Omit<CustomerOrders, "ids" | "segments"> & {segmentCodes: Int16Array; segmentNames: string[]};
}

function jobOf({orders, firstOrders, ...rest}: ValueInput): ValueJob {
  const segmentNames = [...new Set(orders.segments.filter((s): s is string => s !== null))];
  const code = new Map(segmentNames.map((s, i) => [s, i]));
  const segmentCodes = Int16Array.from(orders.segments, (s) => (s === null ? -1 : code.get(s)!));
  // First orders: the return curve reads when each was placed and when the customer came back, nothing else.
  const none = new Float64Array(0);
  return {...rest, job: "customer-value", firstOrders: {size: firstOrders.size, firstMs: firstOrders.firstMs, secondMs: firstOrders.secondMs, customer: none, value: none, category: []},
    orders: {offsets: orders.offsets, at: orders.at, revenue: orders.revenue, segmentCodes, segmentNames}};
}

function inputOf({orders: {segmentCodes, segmentNames, ...orders}, job: _, ...rest}: ValueJob): ValueInput {
  return {...rest, orders: {...orders, ids: [], segments: Array.from(segmentCodes, (c) => (c < 0 ? null : segmentNames[c]))}};
}

/** customerValueModel(input), computed in a worker thread; resolves when it is done. */
export function customerValueModelInWorker(input: ValueInput): Promise<CustomerValueModel> {
  return new Promise((resolve, reject) => {
    // This file is TypeScript: the worker registers tsx first (Node 20 does not run a worker's entry through the
    // loader hooks of --import), then loads it.
    const entry = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({register}) => (register(), import(${JSON.stringify(import.meta.url)})))`;
    const worker = new Worker(entry, {eval: true, workerData: jobOf(input)});
    worker.once("message", (model: CustomerValueModel) => {
      const {row} = model.customerValues;
      // The ids and segments back on the customers, from the orders' rows.
      model.customerValues.ids = Array.from(row, (r) => input.orders.ids[r]);
      model.customerValues.segment = Array.from(row, (r) => input.orders.segments[r] ?? "unscored");
      resolve(model);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the customer value model's worker stopped (exit code ${code})`)));
  });
}

if (!isMainThread && parentPort && (workerData as Partial<ValueJob> | null)?.job === "customer-value") {
  const model = customerValueModel(inputOf(workerData as ValueJob));
  parentPort.postMessage({...model, customerValues: {...model.customerValues, ids: [], segment: []}});
}
