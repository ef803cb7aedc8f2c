"""Views of the pool."""
