"""One module per group of commands; each has register(app). Heavy imports stay inside functions."""
