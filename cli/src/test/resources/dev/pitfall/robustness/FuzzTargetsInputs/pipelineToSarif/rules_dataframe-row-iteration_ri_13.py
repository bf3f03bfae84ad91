# RI-13: iterrows on an untyped parameter (POSITIVE, flag line 3)
# From shared/research/rule-cases.md; markers say what must be reported.
def to_records(frame):
    out = []
    for idx, row in frame.iterrows():  # expect: dataframe-row-iteration
        out.append((idx, row.to_dict()))
    return out
