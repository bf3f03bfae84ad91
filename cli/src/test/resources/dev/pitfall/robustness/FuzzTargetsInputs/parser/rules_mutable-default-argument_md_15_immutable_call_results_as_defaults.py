# MD-15: immutable call results as defaults (NEGATIVE, no finding) (from rule-cases.md)
import datetime
import re


def parse(text, pattern=re.compile(r"[0-9]+"), start=datetime.date(2020, 1, 1)):
    return pattern.findall(text), start
