"""Display names for the domain's codes (carrier types, states, roles...), translated."""
from __future__ import annotations

from .text import QT_TRANSLATE_NOOP, translate

CARRIER_TYPES = {
    "training_base": QT_TRANSLATE_NOOP("Labels", "High-skill training base"),
    "master_studio": QT_TRANSLATE_NOOP("Labels", "Skill-master studio"),
    "rural_station": QT_TRANSLATE_NOOP("Labels", "Rural skill station"),
    "chain_leader": QT_TRANSLATE_NOOP("Labels", "Chain-leader incubation"),
}
STATES = {
    "not_started": QT_TRANSLATE_NOOP("Labels", "Not started"),
    "draft": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "ready": QT_TRANSLATE_NOOP("Labels", "Ready to sign"),
    "signed": QT_TRANSLATE_NOOP("Labels", "Signed"),
    "conflict": QT_TRANSLATE_NOOP("Labels", "Conflict (recused)"),
}
ACCEPTANCE = {
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "correction": QT_TRANSLATE_NOOP("Labels", "To be corrected"),
}
FINDINGS = {
    "missing": QT_TRANSLATE_NOOP("Labels", "missing"),
    "extra": QT_TRANSLATE_NOOP("Labels", "not a required material (misnamed?)"),
    "unreadable": QT_TRANSLATE_NOOP("Labels", "unreadable PDF"),
    "encrypted": QT_TRANSLATE_NOOP("Labels", "password-protected PDF"),
    "empty": QT_TRANSLATE_NOOP("Labels", "empty file"),
}
# The bureau's finding on an objection during 公示 (bureau/publish.ObjectionVerdict).
VERDICTS = {
    "pending": QT_TRANSLATE_NOOP("Labels", "being looked into"),
    "upheld": QT_TRANSLATE_NOOP("Labels", "upheld"),
    "rejected": QT_TRANSLATE_NOOP("Labels", "not upheld"),
}
# A scanned page unfit to read (review_model/dossier/scan_quality.py); {value} is its measure.
SCAN_PROBLEMS = {
    "low_resolution": QT_TRANSLATE_NOOP("Labels", "page {page}: scan too coarse ({value:.0f} dpi)"),
    "blank": QT_TRANSLATE_NOOP("Labels", "page {page}: blank page"),
    "skewed": QT_TRANSLATE_NOOP("Labels", "page {page}: scan skewed by {value:.1f}°"),
}
METHODS = {
    "document_review": QT_TRANSLATE_NOOP("Labels", "Document review"),
    "site_visit": QT_TRANSLATE_NOOP("Labels", "Site visit"),
    "expert_judgement": QT_TRANSLATE_NOOP("Labels", "Expert judgement"),
    "defence": QT_TRANSLATE_NOOP("Labels", "Defence"),
}
ROLES = {
    "expert": QT_TRANSLATE_NOOP("Labels", "Expert"),
    "member": QT_TRANSLATE_NOOP("Labels", "Panel member"),
    "chair": QT_TRANSLATE_NOOP("Labels", "Chair"),
    "bureau": QT_TRANSLATE_NOOP("Labels", "District bureau"),
}
EXCHANGE_KINDS = {
    "package": QT_TRANSLATE_NOOP("Labels", "review package"),
    "return": QT_TRANSLATE_NOOP("Labels", "return bundle"),
    "result": QT_TRANSLATE_NOOP("Labels", "panel result"),
}
KEY_STORES = {
    "keyring": QT_TRANSLATE_NOOP("Labels", "system keyring"),
    "file": QT_TRANSLATE_NOOP("Labels", "passphrase-protected key file"),
}
# the keyrings review_model.keys trusts (KeyringKind)
KEYRING_KINDS = {
    "windows": QT_TRANSLATE_NOOP("Labels", "Windows Credential Manager"),
    "macos": QT_TRANSLATE_NOOP("Labels", "macOS Keychain"),
    "secret_service": QT_TRANSLATE_NOOP("Labels", "Secret Service"),
    "kwallet": QT_TRANSLATE_NOOP("Labels", "KWallet"),
    "test": QT_TRANSLATE_NOOP("Labels", "TEST KEYRING, NOT SECURE: trusted only because REVIEWDESK_TEST_ONLY_TRUST_KEYRING is set"),
}


def label(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    source = table.get(code)
    return translate("Labels", source) if source else code


def scan_label(scan) -> str:
    """One unfit scanned page in words: its page and what is wrong with it."""
    return label(SCAN_PROBLEMS, str(scan.problem)).format(page=scan.page, value=scan.value)
