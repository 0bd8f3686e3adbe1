"""ReviewDesk's domain: rubrics, score sheets, the local store, signing and the exchange files.

Nothing under this package imports Qt (an import-linter contract in pyproject.toml checks it).
Functions here return data or raise `Problem` with a code; the UI turns codes into words.
"""
