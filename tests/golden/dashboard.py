"""Golden values for tests/analysis/dashboard.test.ts: the overview's fitness counts recounted with
pandas straight from the member file (no code of ours): members and churned members per contract
length, per partner flag, and per contract length x partner flag, on the demo data and on the real
export (when present).

Run with Debian's python3 (python3-pandas) from the project folder:
    /usr/bin/python3 tests/golden/dashboard.py   # writes tests/golden/dashboard.json
"""
import json, os
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SOURCES = {"demo": os.path.join(ROOT, "data", "fitness", "gym_churn_us.csv"),
           "real": os.path.join(os.environ.get("SHARED_DATASETS", os.path.join(ROOT, "..", "shared", "datasets")), "fitness", "gym_churn_us.csv")}


def counts(frame, by):
    groups = frame.groupby(by)["Churn"].agg(["size", "sum"]).reset_index()
    return [{"at": [str(int(r[b])) if b in by else "*" for b in ("Contract_period", "Partner")], "n": int(r["size"]), "churned": int(r["sum"])}
            for _, r in groups.iterrows()]


out = {}
for name, path in SOURCES.items():
    if not os.path.exists(path):
        continue
    frame = pd.read_csv(path)
    out[name] = {"members": int(len(frame)), "churned": int(frame["Churn"].sum()),
                 "cells": counts(frame, ["Contract_period"]) + counts(frame, ["Partner"]) + counts(frame, ["Contract_period", "Partner"])}
json.dump(out, open(os.path.join(HERE, "dashboard.json"), "w"), indent=1)
