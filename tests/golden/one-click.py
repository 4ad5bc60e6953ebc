"""Reference values for tests/cases/one-click.test.ts, computed with pandas, scikit-learn, scipy and
statsmodels.

Run with Debian's python3 (packages python3-scipy python3-sklearn python3-pandas python3-statsmodels) from the project root, after
`npx tsx tests/golden/one-click-split.ts` has written the split:
    /usr/bin/python3 tests/golden/one-click.py [path/to/shared/datasets]
Writes tests/golden/one-click.json. The product has no Python dependency; only this script does.

It reads the four real One Click exports independently of the TypeScript readers (money.csv with
its ';' separator and decimal commas), repairs the misspelt labels, drops customers with zero
revenue in some month and the customer whose revenue is more than 10 robust spreads above the
median, builds the same design matrix (numeric features, premium / consent as 0/1, favourite
category one-hot), and on the committed split and folds (tests/golden/one-click-split.json) runs
GridSearchCV over the same four families and grids as loaders/cases/one-click/model.ts: the same
choices on purpose, so that the scores check our implementations of the models against
scikit-learn's. The label repairs and exclusions restate the product's rules (they check the
readers, not the rules). For each family it also gives the DeLong standard error of the test
ROC-AUC, an analytic reference for the width of the report's bootstrap interval; and, with
statsmodels, the effect sizes a segment portrait reports (Cohen's d, Cohen's h) for a grouping the
data fixes (declined against unchanged customers), from the raw columns. Also the monthly profit
of declined against unchanged customers with statsmodels' Welch 95% interval of the difference, and
each feature's association with the label (|point-biserial r| from scipy for a number, Cramér's V
from scipy for a category), the one scale the Summary ranks its largest differences on.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GridSearchCV, PredefinedSplit
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from sklearn.tree import DecisionTreeClassifier
from statsmodels.stats.meta_analysis import effectsize_smd
from statsmodels.stats.proportion import proportion_effectsize
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW
from scipy.stats import contingency, pointbiserialr

HERE = os.path.dirname(os.path.abspath(__file__))
DATASETS = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SHARED_DATASETS", "../shared/datasets")
folder = os.path.join(DATASETS, "one-click")

market = pd.read_csv(os.path.join(folder, "market_file.csv"))
money = pd.read_csv(os.path.join(folder, "market_money.csv"))
time = pd.read_csv(os.path.join(folder, "market_time.csv"))
profit = pd.read_csv(os.path.join(folder, "money.csv"), sep=";", decimal=",")
out = {
    "sklearn": sklearn.__version__,
    "rows": {"market_file": len(market), "market_money": len(money), "market_time": len(time), "money": len(profit)},
    "profitMean": float(profit["Прибыль"].mean()),
}

# Labels: the misspellings the report must find.
out["misspeltServiceType"] = int((market["Тип сервиса"] == "стандартт").sum())
out["misspeltPeriod"] = int((time["Период"] == "предыдцщий_месяц").sum())
market["Тип сервиса"] = market["Тип сервиса"].replace({"стандартт": "стандарт"})
time["Период"] = time["Период"].replace({"предыдцщий_месяц": "предыдущий_месяц"})

# Customers with zero revenue in some month; the extreme revenue (median + 10 x 1.4826 x MAD of positive revenue).
zero_ids = set(money.loc[money["Выручка"] == 0, "id"])
positive = money.loc[money["Выручка"] > 0, "Выручка"]
median = positive.median()
mad = (positive - median).abs().median()
high = median + 10 * 1.4826 * mad
extreme_ids = set(money.loc[money["Выручка"] > high, "id"]) - zero_ids
out["zeroActivityCustomers"] = len(zero_ids)
out["extremeRevenueCustomers"] = len(extreme_ids)
out["extremeRevenueRows"] = int((money["Выручка"] > high).sum())

rev = money.pivot(index="id", columns="Период", values="Выручка")
mins = time.pivot(index="id", columns="Период", values="минут")
table = market.set_index("id")
table = table.join(profit.set_index("id"))
table = table.loc[[i for i in market["id"] if i not in zero_ids and i not in extreme_ids]]
out["modelling"] = len(table)

categories = {
    "Товары для детей": "Kids' goods", "Домашний текстиль": "Home textiles", "Косметика и аксесуары": "Cosmetics and accessories",
    "Кухонная посуда": "Kitchenware", "Мелкая бытовая техника и электроника": "Small appliances and electronics",
    "Техника для красоты и здоровья": "Beauty and health devices",
}
cat = table["Популярная_категория"].map(categories)
columns = {
    "serviceType": (table["Тип сервиса"] == "премиум").astype(float),
    "marketingConsent": (table["Разрешить сообщать"] == "да").astype(float),
    "marketingContacts6m": table["Маркет_актив_6_мес"],
    "marketingContactsCurrent": table["Маркет_актив_тек_мес"],
    "tenureDays": table["Длительность"],
}
for level in sorted(cat.unique()):
    columns[f"favouriteCategory={level}"] = (cat == level).astype(float)
columns.update({
    "categoriesPerVisit": table["Средний_просмотр_категорий_за_визит"],
    "unpaidItemsQuarter": table["Неоплаченные_продукты_штук_квартал"],
    "promoShare": table["Акционные_покупки"],
    "pagesPerVisit": table["Страниц_за_визит"],
    "serviceErrors": table["Ошибка_сервиса"],
})
# Revenue and minutes share period names, so each comes from its own pivot.
columns["revenueBeforePrevious"] = rev.loc[table.index, "препредыдущий_месяц"]
columns["revenuePrevious"] = rev.loc[table.index, "предыдущий_месяц"]
columns["revenueCurrent"] = rev.loc[table.index, "текущий_месяц"]
columns["minutesPrevious"] = mins.loc[table.index, "предыдущий_месяц"]
columns["minutesCurrent"] = mins.loc[table.index, "текущий_месяц"]

split = json.load(open(os.path.join(HERE, "one-click-split.json")))
assert split["n"] == len(table), (split["n"], len(table))
X = np.column_stack([np.asarray(columns[name], dtype=float) for name in split["columns"]])
y = (table["Покупательская активность"] == "Снизилась").astype(int).to_numpy()
out["positives"] = int(y.sum())
train, test = np.array(split["train"]), np.array(split["test"])
cv = PredefinedSplit(np.array(split["folds"]))

families = {
    "logistic": (Pipeline([("scale", StandardScaler()), ("model", LogisticRegression(solver="lbfgs", tol=1e-10, max_iter=100000))]),
                 {"model__C": [0.01, 0.1, 1, 10]}),
    "knn": (Pipeline([("scale", StandardScaler()), ("model", KNeighborsClassifier())]),
            {"scale": [StandardScaler(), MinMaxScaler()], "model__n_neighbors": [5, 15, 35], "model__weights": ["uniform", "distance"]}),
    "tree": (DecisionTreeClassifier(random_state=42), {"max_depth": [3, 5, 8], "min_samples_leaf": [1, 10, 30]}),
    "forest": (RandomForestClassifier(n_estimators=100, max_features="sqrt", random_state=42, n_jobs=1),
               {"max_depth": [6, None], "min_samples_leaf": [3, 10]}),
}


def delong(y_true, score):
    """ROC-AUC and its DeLong (1988) standard error from the structural components: an analytic
    reference, independent of any bootstrap, for the width of the report's interval."""
    pos, neg = score[y_true == 1], score[y_true == 0]
    psi = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    v10, v01 = psi.mean(axis=1), psi.mean(axis=0)
    return float(psi.mean()), float(np.sqrt(v10.var(ddof=1) / len(pos) + v01.var(ddof=1) / len(neg)))


results = {}
for name, (estimator, grid) in families.items():
    search = GridSearchCV(estimator, grid, scoring="roc_auc", cv=cv, refit=True).fit(X[train], y[train])
    proba = search.predict_proba(X[test])[:, 1]
    params = {k: (type(v).__name__ if hasattr(v, "fit") else v) for k, v in search.best_params_.items()}
    results[name] = {
        "bestParams": params,
        "bestCv": float(search.best_score_),
        "testAuc": float(roc_auc_score(y[test], proba)),
        "testAucDeLongSe": delong(y[test], proba)[1],
        "cvMeans": [float(v) for v in search.cv_results_["mean_test_score"]],
        "candidates": [{k: (type(v).__name__ if hasattr(v, "fit") else v) for k, v in p.items()} for p in search.cv_results_["params"]],
    }
out["families"] = results
best = max(results, key=lambda k: results[k]["bestCv"])
out["bestFamily"] = best
out["bestTestAuc"] = results[best]["testAuc"]

# Portrait effect sizes for a grouping fixed by the data, not by our model: the customers whose
# activity declined against everyone else. Cohen's d from statsmodels' standardised mean difference
# (its small-sample correction undone: d with the pooled sd), Cohen's h from statsmodels'
# proportion_effectsize, for every level of each categorical variable.
declined = y == 1
numeric = {
    "promoShare": columns["promoShare"], "unpaidItemsQuarter": columns["unpaidItemsQuarter"], "pagesPerVisit": columns["pagesPerVisit"],
    "categoriesPerVisit": columns["categoriesPerVisit"], "marketingContacts6m": columns["marketingContacts6m"],
    "marketingContactsCurrent": columns["marketingContactsCurrent"], "minutesCurrent": columns["minutesCurrent"],
    "revenueCurrent": columns["revenueCurrent"], "serviceErrors": columns["serviceErrors"], "profit": table["Прибыль"],
}
portrait = {"segmentN": int(declined.sum()), "d": {}, "h": {}}
for name, values in numeric.items():
    v = np.asarray(values, dtype=float)
    a, b = v[declined], v[~declined]
    smd, _ = effectsize_smd(a.mean(), a.std(ddof=1), len(a), b.mean(), b.std(ddof=1), len(b))
    portrait["d"][name] = float(smd / (1 - 3 / (4 * (len(a) + len(b)) - 9)))
categorical = {
    "serviceType": table["Тип сервиса"].map({"премиум": "premium", "стандарт": "standard"}),
    "marketingConsent": table["Разрешить сообщать"].map({"да": "yes", "нет": "no"}),
    "favouriteCategory": cat,
}
for name, values in categorical.items():
    v = np.asarray(values)
    portrait["h"][name] = {level: float(proportion_effectsize((v[declined] == level).mean(), (v[~declined] == level).mean())) for level in sorted(set(v))}
out["portraitDeclined"] = portrait

# Monthly profit of declined against unchanged customers: difference of means with statsmodels'
# Welch 95% interval (the evidence, or lack of it, for the Offers page's "share of profit lost").
pv = table["Прибыль"].to_numpy(dtype=float)
compare = CompareMeans(DescrStatsW(pv[declined]), DescrStatsW(pv[~declined]))
lo, hi = compare.tconfint_diff(alpha=0.05, usevar="unequal")
out["profitByActivity"] = {"declinedMean": float(pv[declined].mean()), "unchangedMean": float(pv[~declined].mean()),
                           "difference": float(pv[declined].mean() - pv[~declined].mean()), "lo": float(lo), "hi": float(hi)}
# Each feature's association with the label on one scale: |point-biserial r| (scipy) for a number,
# which is the correlation ratio eta of the number across the two labels; Cramér's V (scipy, no
# continuity correction) for a category.
association = {}
for name, values in columns.items():
    if "=" in name or name in ("serviceType", "marketingConsent"):
        continue
    association[name] = float(abs(pointbiserialr(declined.astype(float), np.asarray(values, dtype=float)).statistic))
association["profit"] = float(abs(pointbiserialr(declined.astype(float), pv).statistic))
for name, values in categorical.items():
    association[name] = float(contingency.association(pd.crosstab(np.asarray(values), declined).to_numpy(), method="cramer", correction=False))
out["targetAssociation"] = association

with open(os.path.join(HERE, "one-click.json"), "w") as f:
    json.dump(out, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(json.dumps({k: v for k, v in out.items() if k != "families"}, ensure_ascii=False))
for name, r in results.items():
    print(name, r["bestParams"], round(r["bestCv"], 4), round(r["testAuc"], 4))
