"""werkwijzer: the Werkwijzer samen leren quickscan as a library and a command-line tool.

Everything a command does can be done from Python:

    import werkwijzer

    model = werkwijzer.load_model()
    answers = werkwijzer.read_answers("antwoorden.yaml", model)
    result = werkwijzer.score(model, answers)
    print(result.start, [a.phase for a in result.aspects])

The names below are imported when first used, so `import werkwijzer` costs almost nothing and the
command-line tool starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# name -> the module that defines it
_EXPORTS = {
    "load_model": "werkwijzer.core.model_load",
    "read_model": "werkwijzer.core.model_yaml",
    "Model": "werkwijzer.core.model",
    "Answers": "werkwijzer.core.answers",
    "read_answers": "werkwijzer.core.answers",
    "dump_answers": "werkwijzer.core.answers",
    "write_answers": "werkwijzer.core.answers",
    "score": "werkwijzer.core.scoring",
    "Result": "werkwijzer.core.result",
    "collect": "werkwijzer.core.respondents",
    "report": "werkwijzer.core.respondents",
    "build_team": "werkwijzer.core.team",
    "TeamResult": "werkwijzer.core.team",
    "compare": "werkwijzer.core.compare",
    "side": "werkwijzer.core.compare",
    "Comparison": "werkwijzer.core.compare",
    "Store": "werkwijzer.core.store",
    "import_files": "werkwijzer.core.importing",
    "record_scan": "werkwijzer.core.importing",
    "plan_forget": "werkwijzer.core.forgetting",
    "erase": "werkwijzer.core.forgetting",
    "history": "werkwijzer.core.history",
    "to_jsonable": "werkwijzer.core.documents",
    "json_schema": "werkwijzer.core.schemas",
    "WerkwijzerError": "werkwijzer.core.errors",
}
__all__ = [
    "Answers",
    "Comparison",
    "Model",
    "Result",
    "Store",
    "TeamResult",
    "WerkwijzerError",
    "__version__",
    "build_team",
    "collect",
    "compare",
    "dump_answers",
    "erase",
    "history",
    "import_files",
    "json_schema",
    "load_model",
    "plan_forget",
    "read_answers",
    "read_model",
    "record_scan",
    "report",
    "score",
    "side",
    "to_jsonable",
    "write_answers",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'werkwijzer' has no attribute {name!r}")


if TYPE_CHECKING:
    from werkwijzer.core.answers import Answers, dump_answers, read_answers, write_answers
    from werkwijzer.core.compare import Comparison, compare, side
    from werkwijzer.core.documents import to_jsonable
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.forgetting import erase, plan_forget
    from werkwijzer.core.history import history
    from werkwijzer.core.importing import import_files, record_scan
    from werkwijzer.core.model import Model
    from werkwijzer.core.model_load import load_model
    from werkwijzer.core.model_yaml import read_model
    from werkwijzer.core.respondents import collect, report
    from werkwijzer.core.result import Result
    from werkwijzer.core.schemas import json_schema
    from werkwijzer.core.scoring import score
    from werkwijzer.core.store import Store
    from werkwijzer.core.team import TeamResult, build_team
