"""Subcommands of `reviewdesk`, one module per group; each has register(subparsers)."""
from . import chair, demo, exchange, forms, intake, keys, sheets, status, sync

COMMAND_MODULES = [keys, exchange, status, sheets, forms, demo, chair, intake, sync]
