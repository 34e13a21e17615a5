"""Simulation: how often does compare call answer noise a change, and how often does it see one?

Prints, for several teams and noise levels, the share of aspect comparisons that get a verdict
other than 'gelijk' when nothing changed but test-retest noise (each answer one step up or down
with a given probability), and the share of repeats where an aspect on which every teacher stands
one phase higher is 'vooruit'. The same simulation as tests/test_noise.py (tests/simulate.py),
with more repeats; the old rule (median phase, then a 5-point margin) is shown beside it.

    .venv/bin/python bench/sim_compare.py [--repeats 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from simulate import draw_answers, repeat_comparisons, team, with_noise

from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.model_load import load_model
from werkwijzer.core.scoring import Scorer

TEAMS: dict[str, tuple[LayerId, ...]] = {
    "14 leraren": ("leraar",) * 14,
    "17: bestuurder, 2 schoolleiders, 14 leraren": ("bestuurder",)
    + ("schoolleider",) * 2
    + ("leraar",) * 14,
    "6 leraren": ("leraar",) * 6,
    "2 schoolleiders": ("schoolleider",) * 2,
}


def old_rule_false_rate(model: Model, layers: tuple[LayerId, ...], repeats: int, p: float) -> float:
    """The rule before issue 14 on the same kind of teams: the median phase decides, else the
    team's mean score in that phase must move 5 points."""
    from test_noise import old_verdict

    rng = random.Random(99)
    scorer = Scorer(model)
    verdicts = []
    for _ in range(repeats):
        first = [draw_answers(rng, model, person) for person in team(rng, model, layers)]
        then = [scorer.score(a) for a in first]
        now = [scorer.score(with_noise(rng, a, p)) for a in first]
        verdicts += [old_verdict(then, now, a.id) for a in model.aspects]
    return sum(v != "gelijk" for v in verdicts) / len(verdicts)


def different(model: Model, repeats: int) -> float:
    """Two teams of different people drawn alike: Welch's band is made for this case, so about
    5% of the aspects should fall outside it by chance."""
    from werkwijzer.core.compare import compare, side

    rng = random.Random(3)
    scorer = Scorer(model)
    names = {a.id: a.name for a in model.aspects}
    outside = total = 0
    for _ in range(repeats):
        one, two = (
            [scorer.score(draw_answers(rng, model, p)) for p in team(rng, model, ("leraar",) * 14)]
            for _ in range(2)
        )
        found = compare(
            one,
            two,
            side(one, chosen_by="files"),
            side(two, chosen_by="files"),
            threshold=model.threshold,
            names=names,
        )
        total += len(found.aspects)
        outside += sum(a.verdict != "gelijk" for a in found.aspects)
    return outside / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1000)
    args = parser.parse_args()
    model = load_model()
    print(f"{args.repeats} herhalingen per regel; elke herhaling een nieuw team.")
    for name, layers in TEAMS.items():
        for p in (0.2, 0.4):
            still = repeat_comparisons(model, seed=1, repeats=args.repeats, layers=layers, p_step=p)
            moved = repeat_comparisons(
                model,
                seed=2,
                repeats=args.repeats,
                layers=layers,
                p_step=p,
                moved="werken_met_data",
            )
            old = old_rule_false_rate(model, layers, max(100, args.repeats // 5), p)
            declined = still.verdicts.get("te_weinig", 0) / still.unchanged
            print(
                f"  {name:<44} ruis {p:.1f}: niet 'gelijk' {still.false_rate:6.1%} (waarvan vooruit "
                f"of achteruit {still.wrong_rate:5.1%}, te weinig {declined:6.1%}; oude regel "
                f"{old:5.1%}), één fase hoger gezien {moved.detection_rate:6.1%}"
            )
    print(
        f"  twee verschillende teams van 14 uit dezelfde populatie: {different(model, args.repeats):.1%}"
    )


if __name__ == "__main__":
    main()
