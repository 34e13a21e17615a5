"""Errors a user can fix. Their messages are Dutch and shown as they are; the CLI maps them to exit 2."""

from __future__ import annotations


class WerkwijzerError(Exception):
    """A problem in the user's input: a file, an option, the model. The message is for the user."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ModelError(WerkwijzerError):
    """The model in data/ (or the folder given with --model) does not validate."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = "Het model klopt niet"
        super().__init__(head + ":\n" + "\n".join(f"  - {p}" for p in problems))


class AnswersError(WerkwijzerError):
    """An answers file cannot be read or does not fit the model."""


class NotInteractiveError(WerkwijzerError):
    """An interactive command was started without a terminal."""


class Interrupted(Exception):
    """The user pressed Ctrl-C or Ctrl-D in an interactive flow; the CLI exits with 130."""

    exit_code = 130

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
