"""werkwijzer: the Werkwijzer samen leren quickscan as a library and a command-line tool."""

__version__ = "0.1.0"
