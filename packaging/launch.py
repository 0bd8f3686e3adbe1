"""Entry point of the installed (frozen) app: the same `reviewdesk` command and GUI."""
import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
