"""python -m werkwijzer: the same as the werkwijzer command."""

from werkwijzer.cli.app import main

main()
