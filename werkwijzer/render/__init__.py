"""Renderers: each turns a result or a piece of the model into one output format."""
