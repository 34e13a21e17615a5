"""What the benchmark scripts share."""

from __future__ import annotations

import os

# Run werkwijzer as on an installed system, where Python keeps the bytecode of its modules (.pyc)
# as it has for the libraries it imports. A PYTHONDONTWRITEBYTECODE in the developer's shell
# would otherwise make every run compile werkwijzer anew, and the benchmark would measure that.
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
