"""The chair's desk: intake of return bundles, the panel's arithmetic, ranking, the signed result."""
