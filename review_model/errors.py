"""Every refusal the domain can give, as a code plus the facts needed to explain it.

The UI (ui/messages.py) turns a code into one sentence in the user's language; the domain never
formats words for people.
"""
from __future__ import annotations

from enum import Enum


class Code(str, Enum):
    # identifiers and data files
    USCC_INVALID = "uscc_invalid"
    RUBRIC_INVALID = "rubric_invalid"
    CALENDAR_YEAR_MISSING = "calendar_year_missing"
    CALENDAR_INVALID = "calendar_invalid"
    # exchange containers
    NOT_A_ZIP = "not_a_zip"
    ZIP_UNSAFE_PATH = "zip_unsafe_path"
    ZIP_LINK = "zip_link"
    ZIP_DUPLICATE = "zip_duplicate"
    ZIP_TOO_LARGE = "zip_too_large"
    ZIP_RATIO = "zip_ratio"
    ZIP_OVERLAP = "zip_overlap"
    ZIP_UNSUPPORTED = "zip_unsupported"
    MEMBER_MISSING = "member_missing"
    MEMBER_EXTRA = "member_extra"
    MEMBER_ALTERED = "member_altered"
    MANIFEST_INVALID = "manifest_invalid"
    WRONG_KIND = "wrong_kind"
    SIGNATURE_BAD = "signature_bad"
    SIGNER_UNTRUSTED = "signer_untrusted"
    BUREAU_UNKNOWN = "bureau_unknown"
    BUREAU_CHANGED = "bureau_changed"
    SCHEMA_INVALID = "schema_invalid"
    DUPLICATE_APPLICANT = "duplicate_applicant"
    PDF_CORRUPT = "pdf_corrupt"
    PDF_ENCRYPTED = "pdf_encrypted"
    # exchange files from strangers (hostile input: issue 9)
    MEMBER_DAMAGED = "member_damaged"
    KEY_UNSUPPORTED = "key_unsupported"
    JSON_REFUSED = "json_refused"
    # package building (bureau)
    SPEC_INVALID = "spec_invalid"
    SPEC_FILE_MISSING = "spec_file_missing"
    TABLE_INVALID = "table_invalid"
    # the bureau's desk (review_model/bureau/)
    DESK_NO_ROUND = "desk_no_round"
    DESK_NOT_READY = "desk_not_ready"
    APPLICANT_UNKNOWN = "applicant_unknown"
    MATERIAL_UNKNOWN = "material_unknown"
    BINDER_NO_BOOKMARKS = "binder_no_bookmarks"
    BINDER_RANGES_INVALID = "binder_ranges_invalid"
    # the desk's binder page-range marks (bureau/dossiers.py)
    BINDER_RANGE_OVERLAP = "binder_range_overlap"
    BINDER_RANGE_EMPTY = "binder_range_empty"
    # objections during 公示 and the final list (bureau/publish.py)
    OBJECTION_NOT_CANDIDATE = "objection_not_candidate"
    OBJECTION_OUTSIDE_WINDOW = "objection_outside_window"
    OBJECTION_NO_OBJECTOR = "objection_no_objector"
    OBJECTION_REASON_MISSING = "objection_reason_missing"
    OBJECTION_UNKNOWN = "objection_unknown"
    OBJECTION_PENDING = "objection_pending"
    PUBLICITY_NOT_OVER = "publicity_not_over"
    EXPERT_ENROLLED = "expert_enrolled"
    RUBRIC_CELLS_INVALID = "rubric_cells_invalid"
    # the desk's set-up steps (h22): calendar years, policy, intake, assignments
    DESK_CALENDAR_MISSING = "desk_calendar_missing"  # year
    CALENDAR_FILE_INVALID = "calendar_file_invalid"  # file, where, reason
    POLICY_INVALID = "policy_invalid"  # field, value
    DESK_INTAKE_URL_INVALID = "desk_intake_url_invalid"  # url
    DESK_INTAKE_KEY_INVALID = "desk_intake_key_invalid"  # file, role
    DESK_INTAKE_KEY_MISSING = "desk_intake_key_missing"
    DESK_INTAKE_CERT_INVALID = "desk_intake_cert_invalid"  # file
    DESK_INTAKE_PIN_NEEDS_HTTPS = "desk_intake_pin_needs_https"  # url
    DESK_ASSIGNMENT_EMPTY = "desk_assignment_empty"  # name
    # home and identity
    HOME_UNUSABLE = "home_unusable"
    NO_IDENTITY = "no_identity"
    IDENTITY_EXISTS = "identity_exists"
    NO_SECURE_KEYRING = "no_secure_keyring"
    KEY_MISSING = "key_missing"
    PASSPHRASE_WRONG = "passphrase_wrong"
    PASSPHRASE_REQUIRED = "passphrase_required"
    IDENTITY_FILE_INVALID = "identity_file_invalid"
    NOT_IN_PACKAGE = "not_in_package"
    NO_ROUND = "no_round"
    OTHER_ROUND = "other_round"
    ALREADY_IMPORTED = "already_imported"
    PACKAGE_CHANGED = "package_changed"
    # concurrency: several processes (GUI, command line, sync) on one home
    HOME_BUSY = "home_busy"
    # concurrency: the search index (review_model/dossier/indexing.py, issue 13)
    INDEX_BUSY = "index_busy"  # another process (the app's background indexer, a command) is indexing
    # OCR results in a review package (review_model/dossier/ocr_package.py, issue 13)
    OCR_RESULT_INVALID = "ocr_result_invalid"  # an ocr/ member that does not match the package's dossiers
    OCR_UNAVAILABLE = "ocr_unavailable"  # package build --ocr, and the OCR engine does not start here
    # keys and passphrases (issue 9: secrets and permissions)
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    KEY_FILE_UNSUPPORTED = "key_file_unsupported"
    PASSPHRASE_TOO_SHORT = "passphrase_too_short"
    # the home key: the databases encrypted at rest (issue 15, review_model/home_key.py)
    HOME_KEY_WRONG = "home_key_wrong"
    HOME_KEY_MISSING = "home_key_missing"
    # the home's database and the command line (review_model/store/faults.py, desktop/cli.py)
    HOME_DAMAGED = "home_damaged"
    HOME_TOO_NEW = "home_too_new"
    DISK_FULL = "disk_full"
    HOME_IO_ERROR = "home_io_error"
    HOME_READ_ONLY = "home_read_only"
    # files of the home sealed at rest (review_model/store/sealed.py, issue 15)
    SEALED_FILE_DAMAGED = "sealed_file_damaged"
    SEALED_HOME_LOCKED = "sealed_home_locked"
    # sealing a home from before encryption at rest (review_model/store/sealing.py, issue 15)
    KEPT_COPY_QUARANTINED = "kept_copy_quarantined"  # file: where it was; moved: where it is now
    ARGUMENT_NOT_TEXT = "argument_not_text"
    OUTPUT_CLOSED = "output_closed"
    INTERNAL_ERROR = "internal_error"
    # score sheets
    NOT_ASSIGNED = "not_assigned"
    SCORE_INVALID = "score_invalid"
    RECOMMENDATION_INVALID = "recommendation_invalid"
    CONFLICT_UNCONFIRMED = "conflict_unconfirmed"
    CONFLICT_DECLARED = "conflict_declared"
    REASON_REQUIRED = "reason_required"
    SHEET_SIGNED = "sheet_signed"
    SHEET_INCOMPLETE = "sheet_incomplete"
    NOTHING_TO_AMEND = "nothing_to_amend"
    NOTHING_SIGNED = "nothing_signed"
    NOT_FOUND = "not_found"
    PHOTO_UNREADABLE = "photo_unreadable"
    FORM_INVALID = "form_invalid"
    FORM_STALE = "form_stale"
    SHEET_CHANGED = "sheet_changed"
    # score sheets: a 一票否决 rules 推荐 out (offline forms helper, issue 11)
    VETO_RECOMMENDED = "veto_recommended"
    # signed sheets and return bundles
    NOTHING_TO_EXPORT = "nothing_to_export"
    RETURN_INVALID = "return_invalid"
    # the bureau's intake service and its client (service/, review_model/sync/)
    INTAKE_REFUSED = "intake_refused"  # reason: the intake's refusal code; problem: the domain's, if any
    INTAKE_UNREACHABLE = "intake_unreachable"
    INTAKE_ANSWER_INVALID = "intake_answer_invalid"
    RECEIPT_INVALID = "receipt_invalid"
    INTAKE_DISK_FULL = "intake_disk_full"
    INTAKE_DB_UNUSABLE = "intake_db_unusable"
    INTAKE_ROUND_EXISTS = "intake_round_exists"
    INTAKE_READ_DENIED = "intake_read_denied"
    INTAKE_PLAIN_HTTP = "intake_plain_http"
    INTAKE_NOT_SERVING = "intake_not_serving"
    INTAKE_PORT_BUSY = "intake_port_busy"
    INTAKE_NO_SUCH_ROUND = "intake_no_such_round"
    # transport (issue 12): the package pins the intake's TLS certificate
    INTAKE_CERT_MISMATCH = "intake_cert_mismatch"  # url, expected, actual: SHA-256 of the leaf certificate (DER)
    # the app's outbox and sync (review_model/sync/outbox.py)
    SYNC_NO_INTAKE = "sync_no_intake"  # the package names no intake (or not its key): nowhere to send
    SYNC_NOT_DELIVERED = "sync_not_delivered"  # pending: items still waiting for their next try
    # closing a round: its dossiers destroyed once delivered and past the deadline (review_model/retention.py)
    ROUND_NOT_DELIVERED = "round_not_delivered"
    ROUND_DEADLINE_NOT_PASSED = "round_deadline_not_passed"
    DOSSIER_REMOVED = "dossier_removed"
    # the dossier viewer
    PDF_PASSWORD_NEEDED = "pdf_password_needed"
    PDF_PASSWORD_WRONG = "pdf_password_wrong"
    PDF_EMPTY = "pdf_empty"
    PDF_DAMAGED = "pdf_damaged"
    PAGE_UNREADABLE = "page_unreadable"
    MATERIAL_MISSING = "material_missing"
    # the chair's desk
    NOT_CHAIR = "not_chair"
    NOTE_EMPTY = "note_empty"
    REQUEST_INVALID = "request_invalid"
    REASON_NOT_PERMITTED = "reason_not_permitted"
    CHANGE_UNEXPLAINED = "change_unexplained"
    NO_SCORES = "no_scores"
    RESULT_INVALID = "result_invalid"
    # output folders written as one set (the chair's result)
    OUTPUT_FOLDER_IN_USE = "output_folder_in_use"
    # the chair's desk: signing while sheets are missing needs the chair's word
    PANEL_INCOMPLETE = "panel_incomplete"
    # work in progress
    CANCELLED = "cancelled"
    FILE_UNREADABLE = "file_unreadable"
    FILE_WRITE_FAILED = "file_write_failed"
    # text people type or send (review_model/plain_text.py)
    TEXT_INVALID = "text_invalid"


class Problem(Exception):
    """A refusal the user must hear about: `code` says what, `params` carry the specifics."""

    def __init__(self, code: Code, **params: object) -> None:
        super().__init__(code.value, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:  # for logs and developers; people see ui/messages.py's sentences
        details = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.code.value}({details})"
