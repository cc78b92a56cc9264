"""Generate data/customers.csv: a synthetic customer table for the clustering weeks.

The data are invented (no real person is in them) and released under CC0 1.0.
Five behavioural groups with overlapping, skewed features plus a few wholesale-like
outliers; the group label is NOT written to the file, just as a real CRM export
has no "true segment" column. Run from the `public/` folder:

    python data/customers_generate.py
"""
import numpy as np
import pandas as pd

rng = np.random.default_rng(42)
N = 800

# name: (share, age mean/sd, income median k, orders/12m mean, order value median,
#        recency median days, online share mean, tenure median months)
groups = {
    "loyal_regulars":   (0.30, 44, 10, 52, 22.0, 58.0,  9, 0.45, 60),
    "big_ticket":       (0.15, 52, 9, 95, 3.5, 210.0, 60, 0.35, 72),
    "young_online":     (0.25, 27, 5, 34, 9.0, 31.0, 16, 0.88, 20),
    "lapsed":           (0.20, 46, 13, 48, 1.5, 45.0, 260, 0.40, 40),
    "new_customers":    (0.10, 35, 10, 45, 2.5, 55.0, 20, 0.65, 3),
}

rows = []
sizes = rng.multinomial(N - 8, [g[0] for g in groups.values()])
for (name, g), n in zip(groups.items(), sizes):
    _, age_m, age_sd, inc, orders, aov, rec, online, tenure = g
    age = np.clip(rng.normal(age_m, age_sd, n), 18, 85).round()
    income = np.round(inc * rng.lognormal(0, 0.35, n), 1)
    n_orders = rng.poisson(orders, n)
    if name == "new_customers":
        n_orders = np.maximum(1, rng.poisson(orders, n))
    value = np.round(aov * rng.lognormal(0, 0.3, n), 2)
    recency = np.clip(np.round(rec * rng.lognormal(0, 0.5, n)), 0, 730).astype(int)
    share = np.clip(rng.normal(online, 0.12, n), 0, 1).round(2)
    ten = np.maximum(1, np.round(tenure * rng.lognormal(0, 0.4, n))).astype(int)
    if name == "new_customers":
        ten = rng.integers(1, 7, n)
    rows.append(pd.DataFrame({
        "age": age.astype(int), "annual_income_k": income, "orders_12m": n_orders,
        "avg_order_value": value, "days_since_last_order": recency,
        "online_share": share, "tenure_months": ten,
    }))

# eight wholesale-like accounts: very many, very large orders
w = 8
rows.append(pd.DataFrame({
    "age": rng.integers(35, 60, w), "annual_income_k": np.round(rng.uniform(80, 160, w), 1),
    "orders_12m": rng.integers(90, 160, w), "avg_order_value": np.round(rng.uniform(350, 900, w), 2),
    "days_since_last_order": rng.integers(0, 10, w), "online_share": np.round(rng.uniform(0.7, 1.0, w), 2),
    "tenure_months": rng.integers(24, 120, w),
}))

df = pd.concat(rows, ignore_index=True).sample(frac=1, random_state=42).reset_index(drop=True)
# a customer cannot have been inactive longer than they have been a customer
df["days_since_last_order"] = np.minimum(df["days_since_last_order"], df["tenure_months"] * 30)
# orders in the last 12 months must agree with the date of the last order
df["orders_12m"] = np.where(df["days_since_last_order"] >= 365, 0, np.maximum(df["orders_12m"], 1))
df["region"] = rng.choice(["north", "south", "east", "west"], size=len(df), p=[0.3, 0.25, 0.25, 0.2])
df.insert(0, "customer_id", [f"C{i:04d}" for i in range(1, len(df) + 1)])
df.to_csv("data/customers.csv", index=False)
print(df.shape)
