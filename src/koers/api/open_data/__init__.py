"""Open data: what an installation publishes without a key (docs/api.md)."""
