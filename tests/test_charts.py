"""Chart labels: a label too long for its column is cut with '…', keeping a trailing count."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.render.charts import CHAR_WIDTH, fit_label


def test_a_short_label_stays_whole() -> None:
    assert fit_label("CBS De Brug (7)", 190) == "CBS De Brug (7)"


def test_a_long_label_keeps_its_count() -> None:
    cut = fit_label("IKC De Regenboog-Noord, locatie Kerkstraat (9)", 190)
    assert cut.endswith("… (9)") and cut.startswith("IKC De Regenboog")
    assert len(cut) <= 190 // CHAR_WIDTH


@given(st.text(min_size=1, max_size=80), st.integers(0, 120), st.integers(60, 400))
def test_every_cut_label_fits(name: str, count: int, width: int) -> None:
    label = f"{name} ({count})"
    cut = fit_label(label, width)
    if cut == label:
        assert len(label) <= width // CHAR_WIDTH
    else:
        assert cut.endswith(f"… ({count})")
        assert len(cut) <= max(width // CHAR_WIDTH, len(f"x… ({count})"))


def test_an_empty_label_stays_empty() -> None:
    # Charts whose bars carry their label elsewhere (the trend) have no label column at all.
    assert fit_label("", 0) == ""
