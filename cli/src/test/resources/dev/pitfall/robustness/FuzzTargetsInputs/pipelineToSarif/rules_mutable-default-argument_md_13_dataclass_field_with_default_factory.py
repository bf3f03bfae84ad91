# MD-13: dataclass field with default_factory (NEGATIVE, no finding) (from rule-cases.md)
from dataclasses import dataclass, field


@dataclass
class RunConfig:
    tags: list = field(default_factory=list)
    seed: int = 0
