"""The bureau's intake service (`reviewdesk intake serve`): experts' signed return bundles arrive
here over HTTP(S), are verified exactly as the chair's intake verifies them, and get a signed
receipt. Never imports ui/, desktop/ or Qt (import-linter contracts in pyproject.toml)."""
