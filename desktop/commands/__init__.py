"""Subcommands of `reviewdesk`, one module per group; each has register(subparsers)."""
from . import bureau, chair, demo, exchange, forms, intake, keys, retention, search, sheets, status, sync

COMMAND_MODULES = [keys, exchange, status, sheets, forms, demo, chair, bureau, intake, search, sync, retention]
