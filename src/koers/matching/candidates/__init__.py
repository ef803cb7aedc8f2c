"""The talent pool: its page of figures, the candidates with their roles, qualifications,
availability, funnel steps and calls, and the call-back list."""
