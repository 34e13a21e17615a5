"""The core: the model, answers, scoring, team, compare and the store, in plain Python."""
