"""The hours pages, one module per concern: weeks, approvals, months (closing and
corrections), capacity, imports (and the export), products, projects."""
