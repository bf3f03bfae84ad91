# LK-16: target encoding before the split (POSITIVE, flag line 6)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd
from sklearn.model_selection import train_test_split

df = pd.read_csv("d.csv")
city_rate = df.groupby("city")["churn"].mean()
df["city_te"] = df["city"].map(city_rate)  # expect: preprocessing-leakage
train, test = train_test_split(df, random_state=0)
