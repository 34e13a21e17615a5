"""The rich console werkwijzer prints with: texts are shown as they are, never acted on.

Model and user texts reach the screen through rich, which would read `[bold]` or `[pilot]` as
markup and `:smile:` as an emoji code, and would pass an escape sequence in a school name straight
to the terminal. This console interprets no markup and no emoji codes, and strips every control
character (safe_text.for_terminal) from the text it renders; its own colours are added afterwards,
so they stay.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from werkwijzer.core.safe_text import for_terminal, forbidden


class SafeConsole(Console):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        kwargs.setdefault("highlight", False)
        super().__init__(**kwargs)

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            text = segment.text
            if segment.control is None and forbidden(text, keep_newlines=True):
                yield Segment(for_terminal(text), segment.style)
            else:
                yield segment
