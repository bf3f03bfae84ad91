# CI-13: explicit copy then modify (NEGATIVE, no finding)
# From shared/research/rule-cases.md; markers say what must be reported.
import pandas as pd

df = pd.DataFrame({"age": [10, 30]})
adults = df[df["age"] >= 18].copy()
adults["group"] = "adult"
