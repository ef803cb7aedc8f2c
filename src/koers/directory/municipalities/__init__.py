"""Municipalities as a choice: searched by name or CBS code, never a select of 342."""
