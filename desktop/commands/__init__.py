"""Subcommands of `reviewdesk`, one module per group; each has register(subparsers)."""
from . import demo, exchange, keys, status

COMMAND_MODULES = [keys, exchange, status, demo]
