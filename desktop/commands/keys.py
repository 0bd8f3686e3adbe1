"""reviewdesk keys init | show | export

The domain is imported inside each command, so that building the parser (`--help`) stays cheap.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from review_model.errors import Code, Problem
from ui.labels import KEY_STORES, KEYRING_KINDS, label
from ui.labels import ROLES as ROLE_LABELS
from ui.text import tr, translate

from .context import Context


def _role(value: str) -> str:
    """Checked when given, against the domain's list (importing it for `choices=` would load the store
    for every --help); a wrong one is a usage error, worded as argparse words its own."""
    # the store, for the list: see above
    from review_model.identity import ROLES

    if value not in ROLES:
        raise argparse.ArgumentTypeError(translate("Argparse", "invalid choice: %(value)r (choose from %(choices)s)")
                                         % {"value": value, "choices": ", ".join(map(repr, ROLES))})
    return value


def register(commands) -> None:
    keys = commands.add_parser("keys", help=tr("this workspace's signing identity"))
    sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help=tr("create the signing identity (once)"))
    init.add_argument("--name", required=True, metavar="NAME",
                      help=tr("your name (or the bureau's), as it will appear on signed documents"))
    init.add_argument("--role", required=True, type=_role, metavar="expert|chair|bureau",
                      help=tr("expert (panel member), chair (panel chair) or bureau (the district bureau)"))
    init.add_argument("--key-file", action="store_true",
                      help=tr("keep the private key in a passphrase-protected file instead of the system keyring"))
    init.set_defaults(handler=init_command)
    show = sub.add_parser("show", help=tr("name, role and fingerprint"))
    show.set_defaults(handler=show_command)
    export = sub.add_parser("export", help=tr("write the public identity file for the bureau"))
    export.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.pub",
                        help=tr("where to write the public identity file"))
    export.set_defaults(handler=export_command)


def init_command(ctx: Context) -> int:
    """The keyring when a trusted one answers; otherwise (or when it fails to keep the key) a key file."""
    # identities and keys (the store, cryptography): loaded when a keys command runs
    from review_model.identity import create_identity
    from review_model.keys import check_new_passphrase, keyring_check

    args = ctx.args
    if not args.key_file:
        check = keyring_check()
        reason = check.describe()
        if check.usable:
            try:
                return _created(ctx, create_identity(ctx.home(), args.name, args.role))
            except Problem as problem:
                if problem.code != Code.NO_SECURE_KEYRING:
                    raise
                reason = str(problem.params.get("backend", reason))
        ctx.print(tr("No secure system keyring is available ({backend}); the key will be kept in a "
                     "passphrase-protected file.").format(backend=reason))
    passphrase = ctx.passphrase(confirm=True)
    if passphrase is None:
        raise Problem(Code.PASSPHRASE_REQUIRED)
    check_new_passphrase(passphrase)  # before the home is made: a refused passphrase leaves nothing behind
    return _created(ctx, create_identity(ctx.home(), args.name, args.role, passphrase=passphrase))


def _store_text(key_store: str) -> str:
    """Where the key is kept; for the keyring also which one (or why it cannot be opened now)."""
    # identities and keys (the store, cryptography): loaded when a keys command runs
    from review_model.keys import keyring_check

    store = label(KEY_STORES, key_store)
    if key_store != "keyring":
        return store
    check = keyring_check()
    which = label(KEYRING_KINDS, check.kind.value) if check.kind else check.describe()
    return tr("{store} ({keyring})").format(store=store, keyring=which)


def _created(ctx: Context, info) -> int:
    ctx.print(tr("Identity created: {name} ({role}), fingerprint {fingerprint}, key kept in the {store}.").format(
        name=info.name, role=label(ROLE_LABELS, info.role), fingerprint=info.fingerprint,
        store=_store_text(info.key_store)))
    return 0


def show_command(ctx: Context) -> int:
    # identities and keys (the store, cryptography): loaded when a keys command runs
    from review_model.identity import require_identity

    info = require_identity(ctx.home())
    ctx.print(tr("Name: {name}").format(name=info.name))
    ctx.print(tr("Role: {role}").format(role=label(ROLE_LABELS, info.role)))
    ctx.print(tr("Fingerprint: {fingerprint}").format(fingerprint=info.fingerprint))
    ctx.print(tr("Private key: {store}").format(store=_store_text(info.key_store)))
    return 0


def export_command(ctx: Context) -> int:
    # identities and keys (the store, cryptography): loaded when a keys command runs
    from review_model.identity import public_identity_bytes, require_identity
    from review_model.store.blobs import write_durably

    info = require_identity(ctx.home())
    write_durably(ctx.args.output, public_identity_bytes(info))
    ctx.print(tr("Public identity written to {path}. Give it to the bureau; read them the fingerprint {fingerprint}.").format(
        path=ctx.args.output, fingerprint=info.fingerprint))
    return 0
