"""Placements: the coordinator's review of proposals (confirm, decline, change), the
placements that follow with their status, and the follow-up asked of both sides."""
