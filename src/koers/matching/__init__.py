"""Matching: the talent pool of Extra Handen voor de Zorg, care organisations' requests, and
placements from sign-up to follow-up, with trajectories of the Human Capital Pool."""
