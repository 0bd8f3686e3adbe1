"""A status-bar label: is this workspace's key the one the bureau's package lists for me?"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from review_model.exchange.package import Package
from review_model.home import Home
from review_model.key_status import KeyStatus, key_status

from .labels import KEY_STORES, label

COLOURS = {"match": "#15803d", "mismatch": "#b91c1c", "not_listed": "#b91c1c"}


class KeyStatusLabel(QLabel):
    """Call `refresh(home)` after start-up, an import or a new identity; the tooltip explains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: KeyStatus | None = None

    def refresh(self, home: Home, package: Package | None = None) -> KeyStatus:
        status = key_status(home, package)
        self.show_status(status)
        return status

    def show_status(self, status: KeyStatus) -> None:
        self.status = status
        name, expert_id = status.expert_name or "", status.expert_id or ""
        if status.state == "match":
            text = self.tr("● Key matches the package")
            tip = self.tr("This workspace's key (fingerprint {own}) is the key the bureau's package lists for "
                          "{name} ({id}). Your signed sheets will be accepted.").format(own=status.fingerprint, name=name,
                                                                                       id=expert_id)
        elif status.state == "mismatch":
            text = self.tr("● Key differs from the package")
            tip = self.tr("The package lists {name} ({id}) with the key {listed}, but this workspace's key is {own}. "
                          "Sheets signed here will be refused. Call the bureau.").format(
                name=name, id=expert_id, listed=status.listed_fingerprint, own=status.fingerprint)
        elif status.state == "not_listed":
            text = self.tr("● Not on the package's panel")
            tip = self.tr("The package lists neither this workspace's key (fingerprint {own}) nor your name. "
                          "Send your public identity file to the bureau.").format(own=status.fingerprint)
        elif status.state == "no_identity":
            text, tip = self.tr("No signing identity"), self.tr("Create your signing identity first.")
        else:
            text, tip = self.tr("No round imported"), self.tr("Import the bureau's package to compare your key with it.")
        if status.key_store:
            tip += "\n" + self.tr("Your private key is kept in the {store}.").format(store=label(KEY_STORES, status.key_store))
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(f"color: {COLOURS.get(status.state, '#6b7280')};")
