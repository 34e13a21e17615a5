"""Interactive flows (questionary). Only the interactive commands import this package's modules."""
