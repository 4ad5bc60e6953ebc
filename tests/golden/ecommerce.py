"""Golden values for tests/cases/ecommerce-real.test.ts: an independent pandas / scipy
re-implementation of the e-commerce chain on the real order log — the clean rules of
loaders/clean/ecommerce.ts, the categorisation of loaders/cases/ecommerce/category-rules.json
(normalisation and rules re-implemented here with Python's `re`), orders and customers,
seasonality and cohorts; orders placed again within 24 hours of an earlier order of the same customer
(identical baskets counted apart: loaders/quality/same-occasion.ts); the monthly customer flow behind the re-used-id audit
(loaders/quality/reused-ids.ts) and the repeat figures at its cutoff; RFM scored as of that cutoff (a
statistician's reading of a log whose customer ids look re-used from a date on: each customer's orders
before it, recency counted to it, customers first seen from it left out and counted). A return is a purchase
occasion after the first: one customer's orders are walked in time order and an order opens a new occasion when it
comes more than 24 hours after the current occasion's first order (a basket split over two order ids, or placed
twice, within a day is one purchase); F and "repeat buyer" count occasions. Run with Debian's python3
from the repository root:

    /usr/bin/python3 tests/golden/ecommerce.py   # writes tests/golden/ecommerce.json
"""
import json, os, re
import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "../.."))
DATASETS = os.path.abspath(os.environ.get("SHARED_DATASETS", os.path.join(ROOT, "../shared/datasets")))
RULES = json.load(open(os.path.join(ROOT, "loaders/cases/ecommerce/category-rules.json"), encoding="utf-8"))
CATS = ["plants", "garden", "kitchen", "bathroom", "cleaning", "storage", "textiles", "tools", "other"]
RANK = {c: i for i, c in enumerate(CATS)}


def f(x):
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else float(x)


# --- categorisation ---------------------------------------------------------------------------
LAT = "aceopxykmthbACEOPXYKMTHB"
CYR = "асеорхукмтнвАСЕОРХУКМТНВ"
L2C = str.maketrans(LAT, CYR)
C2L = str.maketrans("асеорхукмтАВСЕНКМОРТХУ", "aceopxykmtABCEHKMOPTXY")


def normalise(name):
    out = []
    for w in re.split(r"[\t\n\f\r ]+", name.strip(" ")):
        cyr = len(re.findall(r"[а-яёА-ЯЁ]", w))
        lat = len(re.findall(r"[a-zA-Z]", w))
        if cyr and lat:
            w = w.translate(L2C if cyr >= lat else C2L)
        out.append(w)
    return " ".join(out).lower().replace("ё", "е")


def rule_regex(rule):
    parts = []
    if rule["stems"]:
        parts.append(r"(^|[^\w])(" + "|".join(re.escape(s) for s in rule["stems"]) + ")")
    parts += ["(" + p + ")" for p in rule.get("patterns", [])]
    return re.compile("|".join(parts))


COMPILED = [(r["category"], rule_regex(r)) for r in RULES["rules"]]


def categorise(name):
    n = normalise(name)
    for cat, rx in COMPILED:
        if rx.search(n):
            return cat
    return None


# --- clean (the rules of loaders/clean/ecommerce.ts) --------------------------------------------
raw = pd.read_csv(os.path.join(DATASETS, "ecommerce/ecom_dataset_upd.csv"))
raw["line"] = np.arange(len(raw)) + 2
raw["time"] = pd.to_datetime(raw["date"].astype(str), format="%Y%m%d%H")
out = {"source": "scipy " + __import__("scipy").__version__ + ", pandas " + pd.__version__,
       "read": {"lines": int(len(raw)), "customers": int(raw.customer_id.nunique()), "orders": int(raw.order_id.nunique())}}

d = raw.sort_values("line")
dup = d.duplicated(["time", "customer_id", "order_id", "product", "quantity", "price"], keep="first")
first_customer = d.sort_values(["time", "line"]).groupby("order_id").customer_id.first()
d["owner"] = d.order_id.map(first_customer)
d["firstTime"] = d.groupby(["order_id", "product"]).time.transform("min")
d["lastTime"] = d.groupby(["order_id", "product"]).time.transform("max")
shared_orders = d[~dup].groupby("order_id").customer_id.nunique()
shared_ids = shared_orders[shared_orders > 1].index
# Updates: the lines of the last hour of each order + product are kept (its latest version),
# dated at the first hour it appears.
distinct = d[~dup].assign(revenue=lambda x: x.quantity * x.price)
first_version = distinct[distinct.time == distinct.firstTime]
kept = distinct[distinct.time == distinct.lastTime].copy()
repeated = distinct[distinct.time < distinct.lastTime]
versioned = distinct[distinct.firstTime < distinct.lastTime]


def version_reading(x):
    return x.groupby(["order_id", "product"]).agg(q=("quantity", "sum"), lo=("price", "min"), hi=("price", "max"))


vf = version_reading(versioned[versioned.time == versioned.firstTime])
vl = version_reading(versioned[versioned.time == versioned.lastTime])
changed = int((vf != vl.loc[vf.index]).any(axis=1).sum())
kept["time"] = kept.firstTime
lq = np.log(kept.loc[kept.quantity > 1, "quantity"].astype(float))
q1, q3 = np.quantile(lq, [0.25, 0.75])
threshold = float(np.exp(q3 + 3 * (q3 - q1)))
kept["wholesale"] = kept.quantity > threshold
kept["customer_id"] = kept.owner
out["clean"] = {
    "exactDuplicates": int(dup.sum()),
    "sharedOrders": int(len(shared_ids)),
    "sharedOrderLines": int((~dup & d.order_id.isin(shared_ids)).sum()),
    "repeatedLines": int(len(repeated)),
    "repeatedPairs": int(len(vf)),
    "changedPairs": changed,
    "revenueFirstVersions": f(first_version.revenue.sum()),
    "revenueLastVersions": f(kept.revenue.sum()),
    "wholesaleThreshold": threshold,
    "wholesaleLines": int(kept.wholesale.sum()),
    "cleanLines": int(len(kept)),
    "cleanCustomers": int(kept.customer_id.nunique()),
}

# --- categories and coverage -------------------------------------------------------------------
names = sorted(kept["product"].unique())
category_of = {n: categorise(n) for n in names}
kept["category"] = kept["product"].map(category_of)
kept["cat"] = kept.category.fillna("other")
out["productCategories"] = category_of


def coverage(x):
    eight = x.category.notna() & (x.category != "other")
    return {"lines": int(len(x)), "revenue": f(x.revenue.sum()),
            "linesCategorised": f(eight.mean()), "revenueCategorised": f(x.revenue[eight].sum() / x.revenue.sum())}


nw = kept[~kept.wholesale]
out["coverage"] = {"withWholesale": coverage(kept), "withoutWholesale": coverage(nw)}
out["categories"] = {c: {"lines": int((nw.cat == c).sum()), "revenue": f(nw.revenue[nw.cat == c].sum()),
                         "revenueWithWholesale": f(kept.revenue[kept.cat == c].sum())} for c in CATS if (kept.cat == c).any()}

# --- orders and customers ---------------------------------------------------------------------
end = kept.time.max()
start = kept.time.min()


def orders_of(lines):
    by = lines.groupby(["order_id", "cat"]).agg(n=("line", "size"), r=("revenue", "sum")).reset_index()
    by["rank"] = by.cat.map(RANK)
    by = by.sort_values(["order_id", "n", "r", "rank"], ascending=[True, False, False, True])
    main = by.groupby("order_id").cat.first()
    o = lines.groupby("order_id").agg(customer=("customer_id", "first"), time=("time", "min"), revenue=("revenue", "sum"), lines=("line", "size"))
    o["main"] = main
    return o.reset_index()


orders = orders_of(nw)
orders_all = orders_of(kept)
os_ = orders.sort_values(["time", "order_id"])
cust = os_.groupby("customer").agg(orders=("order_id", "size"), revenue=("revenue", "sum"), first=("time", "min"), last=("time", "max"),
                                   firstCategory=("main", "first"), firstOrderValue=("revenue", "first"))
cust["aov"] = cust.revenue / cust.orders


RETURN_MIN = pd.Timedelta(hours=24)


def occasion_starts(times):
    """Times at which a customer's purchase occasions start, from their order times (any order)."""
    starts = []
    for t in sorted(times):
        if not starts or t - starts[-1] > RETURN_MIN:
            starts.append(t)
    return starts


def occasions_of(orders_):
    """Per customer: number of purchase occasions and the start of the second (NaT when none)."""
    st = orders_.groupby("customer").time.apply(lambda t: occasion_starts(list(t)))
    return pd.DataFrame({"occasions": st.map(len), "second": st.map(lambda s: s[1] if len(s) > 1 else pd.NaT)})


def rfm(customers, at):
    """RFM scores and segments of `customers` (occasions, revenue, last order time), recency counted to `at`."""
    c = customers.copy()
    c["recency"] = (at - c["last"]).dt.total_seconds() / 86400
    r1, r2 = np.quantile(c.recency, [1 / 3, 2 / 3])
    m1, m2 = np.quantile(c.revenue, [1 / 3, 2 / 3])
    R = np.where(c.recency <= r1, 3, np.where(c.recency <= r2, 2, 1))
    F = np.minimum(c.occasions, 3)
    M = np.where(c.revenue <= m1, 1, np.where(c.revenue <= m2, 2, 3))
    c["segment"] = np.select([(F >= 2) & (R == 3) & (M == 3), (F >= 2) & (R >= 2), F >= 2, R == 3, R == 2], ["best", "loyal", "at-risk", "promising", "one-time"], "lost")
    return c, {"recencyRecent": f(r1), "recencyMiddle": f(r2), "revenueLow": f(m1), "revenueHigh": f(m2)}


occ = occasions_of(os_)
gap = (occ.second - cust["first"]).dt.total_seconds() / 86400
out["customers"] = {
    "n": int(len(cust)), "orders": int(len(orders)), "end": end.strftime("%Y-%m-%dT%H:%M:%S"),
    "repeatRate": f((occ.occasions >= 2).mean()),
    "daysToSecondMedian": f(gap.median()),
    "medianAov": f(cust.aov.median()),
}

# --- time -------------------------------------------------------------------------------------
days = pd.date_range(start.normalize(), end.normalize(), freq="D")
days_per_month = pd.Series(days.month).value_counts()
season = {}
for c in CATS:
    x = nw[nw.cat == c]
    if not len(x):
        continue
    counts = x.time.dt.month.value_counts()
    rate = {m: counts.get(m, 0) / days_per_month[m] for m in range(1, 13) if m in days_per_month.index}
    mean = np.mean(list(rate.values()))
    season[c] = [f(rate[m] / mean) if m in rate else None for m in range(1, 13)]
out["seasonality"] = season
cohort = os_.groupby("customer").time.min().dt.to_period("M")
act = os_.assign(cohort=os_.customer.map(cohort), month=os_.time.dt.to_period("M"))
act["offset"] = (act.month - act.cohort).apply(lambda p: p.n)
first_cohort = cohort.min()
size = int((cohort == first_cohort).sum())
ret = act[act.cohort == first_cohort].groupby("offset").customer.nunique()
out["cohort"] = {"cohort": str(first_cohort), "customers": size, "retention": {str(k): f(v / size) for k, v in ret.items() if k <= 12}}

# --- orders placed again within 24 hours (all clean orders, wholesale lines included) -------------
# An order placed at most 24 hours after an earlier order of the same customer (earlier hour, or the same hour and a
# lower order id); "identical" when some such earlier order has the same set of products.
baskets = kept.groupby("order_id")["product"].apply(frozenset)
within = identical = 0
within_customers = set()
for customer, g in orders_all.sort_values(["time", "order_id"]).groupby("customer"):
    rows = list(zip(g.time, g.order_id))
    for j, (t, o) in enumerate(rows):
        earlier = [e for s_, e in rows[:j] if t - s_ <= RETURN_MIN]
        if earlier:
            within += 1
            within_customers.add(customer)
            identical += any(baskets[e] == baskets[o] for e in earlier)
out["sameOccasion"] = {"orders": within, "identical": int(identical), "customers": len(within_customers)}

# --- re-used ids: monthly customer flow over all clean orders (wholesale lines included) ---------
flow_orders = kept.groupby("order_id").agg(customer=("customer_id", "first"), time=("time", "min"), lines=("line", "size"), revenue=("revenue", "sum")).reset_index()
flow_orders = flow_orders.sort_values(["time", "order_id"])
flow_orders["k"] = flow_orders.groupby("customer").cumcount() + 1
flow_orders["month"] = flow_orders.time.dt.strftime("%Y-%m")
flow = flow_orders.groupby("month").agg(orders=("order_id", "size"), lines=("lines", "sum"), revenue=("revenue", "sum"), customers=("customer", "nunique"),
                                        newCustomers=("k", lambda k: int((k == 1).sum())), secondOrders=("k", lambda k: int((k == 2).sum())))
out["flow"] = [{"month": m, "orders": int(r.orders), "lines": int(r.lines), "revenue": f(r.revenue), "customers": int(r.customers),
                "newCustomers": int(r.newCustomers), "secondOrders": int(r.secondOrders)} for m, r in flow.iterrows()]
# The window as a reader would find it in this table: the months whose new-customer share is under
# a quarter of the typical (median) month's, with at least half the typical orders.
share = flow.newCustomers / flow.customers
low = flow[(share < 0.25 * share.median()) & (flow.orders >= 0.5 * flow.orders.median())]
cutoff = pd.Period(low.index.min(), "M").start_time
out["reusedIds"] = {"months": list(low.index), "cutoff": cutoff.strftime("%Y-%m-%d"),
                    "newCustomers": int(low.newCustomers.sum()), "secondOrders": int(low.secondOrders.sum()), "orders": int(low.orders.sum()), "lines": int(low.lines.sum()),
                    "secondOrderShare": f(low.secondOrders.sum() / flow.secondOrders.sum())}

# --- repeat purchases observed until the cutoff (orders without wholesale lines) ---------------
obs = os_[os_.time < cutoff]
per = obs.groupby("customer").time.agg(["min", "size"])
occ_c = occasions_of(obs)
per["occasions"] = occ_c.occasions
gap_c = (occ_c.second - per["min"]).dt.total_seconds() / 86400
since = (cutoff - per["min"]).dt.total_seconds() / 86400
eligible = since >= 90
cohort_c = per["min"].dt.to_period("M")
first_c = cohort_c.min()
act_c = obs.assign(cohort=obs.customer.map(cohort_c), month=obs.time.dt.to_period("M"))
act_c["offset"] = (act_c.month - act_c.cohort).apply(lambda p: p.n)
ret_c = act_c[act_c.cohort == first_c].groupby("offset").customer.nunique()
out["repeatAtCutoff"] = {
    "customers": int(len(per)), "repeaters": int((per["occasions"] >= 2).sum()), "rate": f((per["occasions"] >= 2).mean()),
    # Before the 24-hour rule: customers with a second order id before the cutoff (for the report's before/after).
    "repeatersByOrderIds": int((per["size"] >= 2).sum()),
    "eligible": int(eligible.sum()), "withinWindow": int((eligible & (gap_c <= 90)).sum()),
    "daysToSecond": [f(gap_c.quantile(q)) for q in (0.25, 0.5, 0.75)],
    "histogram": {str(k): int(v) for k, v in per["occasions"].clip(upper=3).value_counts().sort_index().items()},
    "cohortRetention": {str(k): f(v / int((cohort_c == first_c).sum())) for k, v in ret_c.items() if k <= 12},
    "cohortsShown": sorted(str(c) for c in cohort_c.unique()),
}
# RFM as of the cutoff: ids look re-used from then on, so an order there cannot be attributed to a customer.
# Each customer's orders before the cutoff, recency counted to it; customers first seen on or after it are not
# scored (counted), nor are the orders from that day (counted).
scored, thresholds = rfm(obs.groupby("customer").agg(orders=("order_id", "size"), revenue=("revenue", "sum"), last=("time", "max")).join(occ_c.occasions), cutoff)
scored["aov"] = scored.revenue / scored.orders
out["rfmAtCutoff"] = {
    "asOf": cutoff.strftime("%Y-%m-%d"), "customers": int(len(scored)), "customersLeftOut": int(len(cust) - len(scored)),
    "ordersLeftOut": int((os_.time >= cutoff).sum()), "thresholds": thresholds,
    "segments": {k: int(v) for k, v in scored.segment.value_counts().items()},
    "repeatShare": f((scored.occasions >= 2).mean()), "medianAov": f(scored.aov.median()),
    # Customers whose only second order (or later) falls on or after the cutoff: repeat buyers over the whole log, one-order customers as of the cutoff.
    "secondOrderOnlyInWindow": sorted(str(c) for c in occ.index[occ.occasions >= 2].intersection(scored.index[scored.occasions == 1])),
}
# Typical gap between orders per RFM segment (the mailing cadence), from orders before the cutoff:
# median over the segment's customers who came back (two or more occasions) of (last - first) / (orders - 1).
span = obs.groupby("customer").time.agg(["min", "max", "size"])
span = span[occ_c.occasions.reindex(span.index) >= 2]
span["gap"] = (span["max"] - span["min"]).dt.total_seconds() / 86400 / (span["size"] - 1)
span["segment"] = scored.segment.reindex(span.index)
out["repeatAtCutoff"]["segmentGapMedian"] = {k: f(v) for k, v in span.groupby("segment").gap.median().items()}

# --- tests ------------------------------------------------------------------------------------


# The hypothesis tests' golden values are computed by tests/golden/ecommerce_findings.py (as a statistician
# would set the comparisons up: customers as the unit, time to a second order with censoring).

with open(os.path.join(HERE, "ecommerce.json"), "w", encoding="utf-8") as fh:
    json.dump(out, fh, ensure_ascii=False, indent=1, sort_keys=True)
    fh.write("\n")
print("wrote", os.path.join(HERE, "ecommerce.json"))
