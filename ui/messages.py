"""Words for the domain's codes: one sentence per refusal, saying what is wrong and what to do.

Source strings are English; resources/translations/zh_CN.ts holds the Chinese (the default UI
language). Both the GUI and the command line use these; nothing here imports Qt, so that the
command line can (ui/text.py).
"""
from __future__ import annotations

from review_model.errors import Code, Problem

from .labels import EXCHANGE_KINDS, ROLES, label
from .sheet_labels import checklist_text
from .text import QT_TRANSLATE_NOOP, translate

CTX = "Messages"


def tr(text: str) -> str:
    return translate(CTX, text)


_PROBLEMS: dict[Code, str] = {
    Code.USCC_INVALID: QT_TRANSLATE_NOOP("Messages", "The unified social credit code {value} is not valid ({reason}). Check it against the business licence."),
    Code.RUBRIC_INVALID: QT_TRANSLATE_NOOP("Messages", "The rubric file {file} cannot be used: item {item}: {reason}. Correct the file and try again."),
    Code.CALENDAR_YEAR_MISSING: QT_TRANSLATE_NOOP("Messages", "There is no working-day calendar for {year}. Add that year's holiday data to the round before counting working days."),
    Code.CALENDAR_INVALID: QT_TRANSLATE_NOOP("Messages", "The working-day calendar for {year} is not valid ({detail}). Correct the calendar file."),
    Code.NOT_A_ZIP: QT_TRANSLATE_NOOP("Messages", "This file is damaged, truncated or not a ReviewDesk exchange file. Ask the sender for a new copy."),
    Code.ZIP_UNSAFE_PATH: QT_TRANSLATE_NOOP("Messages", "The file contains an unsafe member name ({member}) and was refused. Ask the sender for a file made by ReviewDesk."),
    Code.ZIP_LINK: QT_TRANSLATE_NOOP("Messages", "The file contains a link or special entry ({member}) and was refused. Ask the sender for a file made by ReviewDesk."),
    Code.ZIP_DUPLICATE: QT_TRANSLATE_NOOP("Messages", "The file contains the member {member} twice and was refused. Ask the sender for a new copy."),
    Code.ZIP_TOO_LARGE: QT_TRANSLATE_NOOP("Messages", "The file is larger than ReviewDesk accepts ({member}). Ask the sender to split it."),
    Code.ZIP_RATIO: QT_TRANSLATE_NOOP("Messages", "The member {member} expands implausibly (a possible zip bomb) and was refused."),
    Code.ZIP_OVERLAP: QT_TRANSLATE_NOOP("Messages", "The file has overlapping entries ({member}), a sign of a zip bomb, and was refused."),
    Code.ZIP_UNSUPPORTED: QT_TRANSLATE_NOOP("Messages", "The member {member} is encrypted or compressed in a way ReviewDesk does not accept."),
    Code.MEMBER_MISSING: QT_TRANSLATE_NOOP("Messages", "The member {member} is missing from the file. Ask the sender for a complete copy."),
    Code.MEMBER_EXTRA: QT_TRANSLATE_NOOP("Messages", "The file contains {member}, which its signed list does not name: it was altered after signing."),
    Code.MEMBER_ALTERED: QT_TRANSLATE_NOOP("Messages", "The member {member} does not match its signed hash: the file was altered or damaged. Ask the sender for a new copy."),
    Code.MANIFEST_INVALID: QT_TRANSLATE_NOOP("Messages", "The file's manifest is not valid ({detail}). Ask the sender for a file made by ReviewDesk."),
    Code.WRONG_KIND: QT_TRANSLATE_NOOP("Messages", "This is a {found} file, but a {expected} file is needed here."),
    Code.SIGNATURE_BAD: QT_TRANSLATE_NOOP("Messages", "The signature does not match the file's contents: it was altered or damaged. Do not use it; ask the sender for a new copy."),
    Code.SIGNER_UNTRUSTED: QT_TRANSLATE_NOOP("Messages", "The file is signed by a key that is not trusted here (fingerprint {fingerprint}). Check with the sender."),
    Code.BUREAU_UNKNOWN: QT_TRANSLATE_NOOP("Messages", "This package is signed by {bureau}, fingerprint {fingerprint}. Compare the fingerprint with the one the bureau gave you, then confirm it (command line: --trust-bureau \"{fingerprint}\")."),
    Code.BUREAU_CHANGED: QT_TRANSLATE_NOOP("Messages", "This package is signed by a different bureau key ({fingerprint}) than the one trusted here ({trusted}). Do not import it; call the bureau."),
    Code.SCHEMA_INVALID: QT_TRANSLATE_NOOP("Messages", "The member {member} is not valid ({detail}). Ask the sender for a corrected file."),
    Code.DUPLICATE_APPLICANT: QT_TRANSLATE_NOOP("Messages", "Applicant {applicant} appears twice (same {field}). Ask the bureau for a corrected package."),
    Code.PDF_CORRUPT: QT_TRANSLATE_NOOP("Messages", "The PDF “{material}” of applicant {applicant} cannot be read. Ask the bureau for a corrected package."),
    Code.PDF_ENCRYPTED: QT_TRANSLATE_NOOP("Messages", "The PDF “{material}” of applicant {applicant} is password-protected but not marked so. Ask the bureau for a corrected package."),
    Code.MEMBER_DAMAGED: QT_TRANSLATE_NOOP("Messages", "The member {member} cannot be unpacked: its compressed data is damaged or cut short. Ask the sender for a new copy."),
    Code.KEY_UNSUPPORTED: QT_TRANSLATE_NOOP("Messages", "The file is signed with a kind of key ReviewDesk does not accept (only Ed25519). Do not use it; ask the sender for a file made by ReviewDesk."),
    Code.JSON_REFUSED: QT_TRANSLATE_NOOP("Messages", "The member {member} was refused: {reason} ({detail}). Ask the sender for a file made by ReviewDesk."),
    Code.SPEC_INVALID: QT_TRANSLATE_NOOP("Messages", "{file} in the package folder is not valid ({detail}). Correct it and build again."),
    Code.SPEC_FILE_MISSING: QT_TRANSLATE_NOOP("Messages", "{file} is missing from the package folder. Add it and build again."),
    Code.TABLE_INVALID: QT_TRANSLATE_NOOP("Messages", "{file}, row {row}, column {column}: {reason}. Correct the table and try again."),
    # the bureau's desk
    Code.DESK_NO_ROUND: QT_TRANSLATE_NOOP("Messages", "No round is set up on this desk yet. Set up the round first (year, district, deadlines), then continue."),
    Code.DESK_NOT_READY: QT_TRANSLATE_NOOP("Messages", "The package cannot be built yet: {missing} missing. Add them on the desk and build again."),
    # the desk's set-up steps (h22)
    Code.DESK_CALENDAR_MISSING: QT_TRANSLATE_NOOP("Messages", "There is no working-day calendar for {year}, so the publicity window cannot be counted. Load the State Council's holiday notice for {year} (JSON or XLSX) with “Load a holiday list…”, then save the round again."),
    Code.CALENDAR_FILE_INVALID: QT_TRANSLATE_NOOP("Messages", "{file} cannot be used as a holiday list: {where}{reason}. Nothing was loaded; correct the file and load it again."),
    Code.POLICY_INVALID: QT_TRANSLATE_NOOP("Messages", "The aggregation policy cannot take {value} for {field}. Nothing was changed; choose a value the panel's rules allow."),
    Code.DESK_INTAKE_URL_INVALID: QT_TRANSLATE_NOOP("Messages", "“{url}” is not an intake address. Write it as https://host:port, as “reviewdesk intake serve” prints it; nothing was changed."),
    Code.DESK_INTAKE_KEY_INVALID: QT_TRANSLATE_NOOP("Messages", "{file} is a public identity with the role {role}, not the intake's receipt key. Choose the file “reviewdesk intake key -o FILE.pub” wrote; nothing was changed."),
    Code.DESK_INTAKE_KEY_MISSING: QT_TRANSLATE_NOOP("Messages", "The intake's receipt key is missing. Choose the file “reviewdesk intake key -o FILE.pub” wrote on the intake's computer, then save again."),
    Code.DESK_INTAKE_CERT_INVALID: QT_TRANSLATE_NOOP("Messages", "{file} is not a PEM certificate (a text file beginning with -----BEGIN CERTIFICATE-----, as given to “intake serve --tls-cert”). Nothing was changed; choose the certificate file."),
    Code.DESK_INTAKE_PIN_NEEDS_HTTPS: QT_TRANSLATE_NOOP("Messages", "A pinned certificate needs an https:// address, but the intake is at {url}. Write the https:// address, or remove the pin; nothing was changed."),
    Code.DESK_ASSIGNMENT_EMPTY: QT_TRANSLATE_NOOP("Messages", "{name} would then review no applicant. Leave at least one applicant ticked, or remove the expert from the panel."),
    Code.APPLICANT_UNKNOWN: QT_TRANSLATE_NOOP("Messages", "There is no applicant {applicant_id} on this desk. Import the applicant list first or check the number."),
    Code.MATERIAL_UNKNOWN: QT_TRANSLATE_NOOP("Messages", "\"{material}\" is not one of the required materials of applicant {applicant_id}, or is chosen twice. Choose each material once from the list."),
    Code.BINDER_NO_BOOKMARKS: QT_TRANSLATE_NOOP("Messages", "The binder {file} ({pages} pages) has no bookmarks to split it by. Mark the page range of each material instead, or ask the applicant for a binder with a table of contents."),
    Code.BINDER_RANGES_INVALID: QT_TRANSLATE_NOOP("Messages", "The page ranges marked in {file} do not fit: {material} pages {first}–{last}, the binder has {pages} pages and ranges must not overlap. Correct the ranges."),
    Code.BINDER_RANGE_OVERLAP: QT_TRANSLATE_NOOP("Messages", "Pages {first}–{last} of {file} overlap pages {other_first}–{other_last}, already marked as {other}. Remove that mark or choose other pages."),
    Code.BINDER_RANGE_EMPTY: QT_TRANSLATE_NOOP("Messages", "No pages are marked for {material} in {file}. Select its first and last page on the thumbnails, then assign them."),
    Code.OBJECTION_NOT_CANDIDATE: QT_TRANSLATE_NOOP("Messages", "{applicant_id} is not on the published candidate list, so there is nothing to object to. Choose a candidate from the list."),
    Code.OBJECTION_OUTSIDE_WINDOW: QT_TRANSLATE_NOOP("Messages", "The objection was received on {received}, outside the publicity window {start} to {end}; only objections received within it are recorded."),
    Code.OBJECTION_NO_OBJECTOR: QT_TRANSLATE_NOOP("Messages", "The objection about {applicant_id} names nobody: enter the unit or the person (real name and contact) who raised it."),
    Code.OBJECTION_REASON_MISSING: QT_TRANSLATE_NOOP("Messages", "Objection {number} needs a finding, upheld or not upheld, and the reason found; enter both."),
    Code.OBJECTION_UNKNOWN: QT_TRANSLATE_NOOP("Messages", "There is no objection number {number} on this desk. Check the number in the list of objections."),
    Code.OBJECTION_PENDING: QT_TRANSLATE_NOOP("Messages", "{count} objection(s) are not settled yet (first: number {number}, about {name}); decide each one before the final list is written."),
    Code.PUBLICITY_NOT_OVER: QT_TRANSLATE_NOOP("Messages", "The publicity runs until {end}; the final list can be dated {date} only after it has closed. Choose a later date."),
    Code.EXPERT_ENROLLED: QT_TRANSLATE_NOOP("Messages", "This identity (fingerprint {fingerprint}) is already enrolled as {name} ({expert_id}). Nothing was changed."),
    Code.RUBRIC_CELLS_INVALID: QT_TRANSLATE_NOOP("Messages", "The rubric workbook {file} cannot be imported; correct these cells and import again:"),
    Code.HOME_UNUSABLE: QT_TRANSLATE_NOOP("Messages", "The workspace folder {path} cannot be used ({detail}). Choose another folder with --home."),
    Code.NO_IDENTITY: QT_TRANSLATE_NOOP("Messages", "This workspace has no signing identity yet. Create one first (reviewdesk keys init)."),
    Code.IDENTITY_EXISTS: QT_TRANSLATE_NOOP("Messages", "This workspace already has a signing identity; it was left unchanged. Use another --home for a new one."),
    Code.NO_SECURE_KEYRING: QT_TRANSLATE_NOOP("Messages", "No secure system keyring is available here ({backend}). Keep the key in a passphrase-protected file instead (--key-file)."),
    Code.KEY_MISSING: QT_TRANSLATE_NOOP("Messages", "The private key of this workspace cannot be found in the {where}. Without it nothing can be signed; restore it or create a new identity in a new workspace."),
    Code.PASSPHRASE_WRONG: QT_TRANSLATE_NOOP("Messages", "The passphrase is wrong. Try again."),
    Code.PASSPHRASE_REQUIRED: QT_TRANSLATE_NOOP("Messages", "A passphrase is needed for the key file. Type it when asked, or set REVIEWDESK_PASSPHRASE for scripts."),
    Code.IDENTITY_FILE_INVALID: QT_TRANSLATE_NOOP("Messages", "The identity file {file} is not valid ({detail}). Ask its owner to export it again (reviewdesk keys export)."),
    Code.NOT_IN_PACKAGE: QT_TRANSLATE_NOOP("Messages", "This package does not list your identity (fingerprint {fingerprint}). Send your public identity file to the bureau and ask for a package that includes you."),
    Code.NO_ROUND: QT_TRANSLATE_NOOP("Messages", "No review round is imported in this workspace yet. Import the bureau's package first (File → Open)."),
    Code.OTHER_ROUND: QT_TRANSLATE_NOOP("Messages", "This file belongs to round {offered}, but this workspace holds round {current}. Use a separate workspace (--home) for another round."),
    Code.ALREADY_IMPORTED: QT_TRANSLATE_NOOP("Messages", "This package is already imported; nothing changed."),
    Code.PACKAGE_CHANGED: QT_TRANSLATE_NOOP("Messages", "This workspace already holds a different package of round {round}. Ask the bureau which package is current."),
    Code.HOME_BUSY: QT_TRANSLATE_NOOP("Messages", "This workspace is busy: another ReviewDesk window or command kept it locked for too long, and nothing was changed. Wait until it has finished, then try again."),
    Code.OCR_RESULT_INVALID: QT_TRANSLATE_NOOP("Messages", "The package's OCR results in {member} do not match its dossiers ({reason}: {detail}); the package is refused and nothing was changed. Ask the bureau to build the package again."),
    Code.OCR_UNAVAILABLE: QT_TRANSLATE_NOOP("Messages", "The OCR engine does not start on this computer, so no package was built with OCR. Build it without --ocr, or reinstall ReviewDesk."),
    Code.INDEX_BUSY: QT_TRANSLATE_NOOP("Messages", "The search index is already being brought up to date by another ReviewDesk window or command, so nothing was started. Wait for it to finish, or run reviewdesk index --wait to wait for it."),
    # keys and passphrases (issue 9: secrets and permissions)
    Code.KEYRING_UNAVAILABLE: QT_TRANSLATE_NOOP("Messages", "The system keyring that holds your private key cannot be used ({backend}). Unlock it or sign in to your desktop session, then try again."),
    Code.KEY_FILE_UNSUPPORTED: QT_TRANSLATE_NOOP("Messages", "The key file {path} has settings ReviewDesk never writes ({detail}), so it was not opened: it may have been altered. Restore it from your backup."),
    Code.PASSPHRASE_TOO_SHORT: QT_TRANSLATE_NOOP("Messages", "The passphrase must have at least {minimum} characters. Choose a longer one."),
    # the home key (issue 15: encryption at rest)
    Code.HOME_KEY_WRONG: QT_TRANSLATE_NOOP("Messages", "The key given does not open the encrypted workspace {path}; nothing was changed. Open it with its own key, or choose another folder with --home."),
    Code.HOME_KEY_MISSING: QT_TRANSLATE_NOOP("Messages", "The key that encrypts the workspace {path} cannot be found in the {where}, so the workspace cannot be opened; nothing was changed. Restore the keyring or the workspace's keys folder from your backup."),
    # the home's database and the command line
    Code.HOME_DAMAGED: QT_TRANSLATE_NOOP("Messages", "The database of the workspace {path} is damaged or is not a ReviewDesk database; nothing was changed. Restore the workspace from a backup, or choose another folder with --home."),
    Code.HOME_TOO_NEW: QT_TRANSLATE_NOOP("Messages", "The workspace {path} was written by a newer version of ReviewDesk (database version {version}); nothing was changed. Open it with that version, or choose another folder with --home."),
    Code.DISK_FULL: QT_TRANSLATE_NOOP("Messages", "The disk holding the workspace {path} is full; nothing was changed. Free some space and try again."),
    Code.HOME_IO_ERROR: QT_TRANSLATE_NOOP("Messages", "The disk holding the workspace {path} reported a read or write error; nothing was changed. Check the disk (or the network drive), then try again."),
    Code.HOME_READ_ONLY: QT_TRANSLATE_NOOP("Messages", "The workspace {path} cannot be written (a read-only disk or folder, or no permission); nothing was changed. Copy it to a writable folder and use --home."),
    # files of the home sealed at rest
    Code.SEALED_FILE_DAMAGED: QT_TRANSLATE_NOOP("Messages", "The encrypted file {path} of the workspace was altered, cut short or does not belong to this workspace, so it was not used; nothing was changed. Restore the workspace from a backup, or import the round again."),
    Code.SEALED_HOME_LOCKED: QT_TRANSLATE_NOOP("Messages", "The file {path} of the workspace is encrypted and the workspace is locked; nothing was changed. Start ReviewDesk again and unlock the workspace with your passphrase."),
    Code.KEPT_COPY_QUARANTINED: QT_TRANSLATE_NOOP("Messages", "The kept copy of a return {file} does not match its recorded hash, so it was neither encrypted nor used: it was moved, unchanged and not encrypted, to {moved}. Check with the bureau that this return arrived, then delete that file."),
    Code.ARGUMENT_NOT_TEXT: QT_TRANSLATE_NOOP("Messages", "The argument {argument} is not valid text (it contains bytes that are not UTF-8); nothing was changed. Type it again, or set the terminal or script to UTF-8."),
    Code.OUTPUT_CLOSED: QT_TRANSLATE_NOOP("Messages", "The output was closed before everything was printed (for example by head); the rest was not shown."),
    Code.INTERNAL_ERROR: QT_TRANSLATE_NOOP("Messages", "ReviewDesk ran into an unexpected error ({detail}); what was saved before it is kept. Please report it with the command you ran."),
    Code.NOT_ASSIGNED: QT_TRANSLATE_NOOP("Messages", "Applicant {applicant} is not assigned to you in this round."),
    Code.SCORE_INVALID: QT_TRANSLATE_NOOP("Messages", "{value} is not a valid score for item {item}: {reason}."),
    Code.RECOMMENDATION_INVALID: QT_TRANSLATE_NOOP("Messages", "“{value}” is not a recommendation. Choose recommend or do not recommend."),
    Code.CONFLICT_UNCONFIRMED: QT_TRANSLATE_NOOP("Messages", "Before scoring {applicant}, confirm that you have no conflict of interest with it, or declare one."),
    Code.CONFLICT_DECLARED: QT_TRANSLATE_NOOP("Messages", "You declared a conflict of interest with {applicant}; you cannot score it."),
    Code.REASON_REQUIRED: QT_TRANSLATE_NOOP("Messages", "A reason is required. Write it and try again."),
    Code.SHEET_SIGNED: QT_TRANSLATE_NOOP("Messages", "Revision {revision} of the sheet for {applicant} is signed and cannot change. To change it, amend the sheet with a reason."),
    Code.NOTHING_TO_AMEND: QT_TRANSLATE_NOOP("Messages", "The sheet for {applicant} has no signed revision to amend; keep editing the draft."),
    Code.NOTHING_SIGNED: QT_TRANSLATE_NOOP("Messages", "The sheet for {applicant} has no signed revision yet, so there is no signed PDF. Sign the sheet first."),
    Code.NOT_FOUND: QT_TRANSLATE_NOOP("Messages", "{what} {id} was not found; it may have been removed. Refresh and try again."),
    Code.PHOTO_UNREADABLE: QT_TRANSLATE_NOOP("Messages", "{file} is not a photo ReviewDesk can read (JPEG, PNG, TIFF, WebP or BMP)."),
    Code.FORM_INVALID: QT_TRANSLATE_NOOP("Messages", "The form {file} was not imported; nothing changed. Correct these cells and import it again:"),
    Code.FORM_STALE: QT_TRANSLATE_NOOP("Messages", "This form was exported from version {form_version} of the sheet, which has changed since (now {current_version}). Importing it would overwrite those changes; confirm to overwrite (--overwrite)."),
    Code.SHEET_INCOMPLETE: QT_TRANSLATE_NOOP("Messages", "The sheet for {applicant} cannot be signed yet: {checklist}."),
    Code.SHEET_CHANGED: QT_TRANSLATE_NOOP("Messages", "The sheet for {applicant} changed while you were signing. Check it and sign again."),
    Code.VETO_RECOMMENDED: QT_TRANSLATE_NOOP("Messages", "{applicant} cannot be recommended while veto {veto} is ticked: a veto rules the applicant out. Choose “Do not recommend”, or untick the veto if it does not apply."),
    Code.NOTHING_TO_EXPORT: QT_TRANSLATE_NOOP("Messages", "There is nothing to export yet: no signed sheet and no declared conflict. Sign a sheet first."),
    Code.RETURN_INVALID: QT_TRANSLATE_NOOP("Messages", "The return bundle is refused: the sheet for {applicant}, revision {revision}: {reason}. Ask the expert for a new export."),
    # the bureau's intake service and its client
    Code.INTAKE_REFUSED: QT_TRANSLATE_NOOP("Messages", "The bureau's intake refused the bundle: {reason}. Nothing is marked delivered; correct the cause and send again, or ask the bureau."),
    Code.INTAKE_UNREACHABLE: QT_TRANSLATE_NOOP("Messages", "The bureau's intake at {url} cannot be reached now ({detail}). Everything signed stays queued and is sent when the connection is back."),
    Code.INTAKE_ANSWER_INVALID: QT_TRANSLATE_NOOP("Messages", "The intake at {url} gave an answer ReviewDesk does not understand ({detail}). Nothing is marked delivered; check the address with the bureau."),
    Code.RECEIPT_INVALID: QT_TRANSLATE_NOOP("Messages", "The receipt is not the bureau's intake's own for this file ({detail}). Nothing is marked delivered; tell the bureau."),
    Code.INTAKE_DISK_FULL: QT_TRANSLATE_NOOP("Messages", "The bureau's intake has no disk space left; nothing it accepted is lost and the bundle is sent again later. Tell the bureau."),
    Code.INTAKE_DB_UNUSABLE: QT_TRANSLATE_NOOP("Messages", "The intake's database {url} cannot be used ({detail}). Check the --db address and that the database server is running."),
    Code.INTAKE_ROUND_EXISTS: QT_TRANSLATE_NOOP("Messages", "Round {round} is already open on this intake with another package. One round takes one package: give a changed package a new round id."),
    Code.INTAKE_READ_DENIED: QT_TRANSLATE_NOOP("Messages", "The intake at {url} lets only the round's chair and bureau read; this identity ({fingerprint}) is neither."),
    Code.INTAKE_PLAIN_HTTP: QT_TRANSLATE_NOOP("Messages", "Unencrypted HTTP is served only on 127.0.0.1, not on {host}: give both --tls-cert and --tls-key, or --unsafe-plain-http behind a TLS proxy on this machine."),
    Code.INTAKE_NOT_SERVING: QT_TRANSLATE_NOOP("Messages", "The intake service is not running on this workspace, so its address is unknown. Start it with “reviewdesk intake serve”, or give the address with --url."),
    Code.INTAKE_PORT_BUSY: QT_TRANSLATE_NOOP("Messages", "The intake cannot listen on {url} ({detail}). Choose another --port or stop the program using it."),
    Code.INTAKE_NO_SUCH_ROUND: QT_TRANSLATE_NOOP("Messages", "There is no round {round} on this intake; “reviewdesk intake status” lists the rounds."),
    Code.INTAKE_CERT_MISMATCH: QT_TRANSLATE_NOOP("Messages", "The server at {url} is not the bureau's intake: its certificate ({actual}) is not the one the round's package names ({expected}). Nothing was sent; check the address and your network, or ask the bureau."),
    Code.SYNC_NO_INTAKE: QT_TRANSLATE_NOOP("Messages", "This round's package names no intake service with its receipt key, so signed sheets cannot be sent by themselves. Export a return bundle and hand it over, or ask the bureau for a package that names its intake."),
    Code.SYNC_NOT_DELIVERED: QT_TRANSLATE_NOOP("Messages", "{count} signed items are not delivered yet ({detail}). They stay in the outbox and are sent again automatically."),
    # closing a round
    Code.ROUND_NOT_DELIVERED: QT_TRANSLATE_NOOP("Messages", "Round {round} cannot be closed yet: {count} of your sheets are not signed and delivered or exported ({applicants}); nothing was removed. Deliver them (sync) or export a return bundle, then close the round."),
    Code.ROUND_DEADLINE_NOT_PASSED: QT_TRANSLATE_NOOP("Messages", "Round {round} cannot be closed before its report deadline {deadline} has passed; nothing was removed. The chair may still ask for an amendment until then."),
    Code.DOSSIER_REMOVED: QT_TRANSLATE_NOOP("Messages", "The file of {material} is no longer in this workspace: the dossiers were removed when the round was closed. Your signed sheets are kept."),
    Code.PDF_PASSWORD_NEEDED: QT_TRANSLATE_NOOP("Messages", "“{material}” is password-protected. Type the password the applicant gave to open it; it is not saved."),
    Code.PDF_PASSWORD_WRONG: QT_TRANSLATE_NOOP("Messages", "The password for “{material}” is wrong; nothing was opened. Check it with the applicant or the bureau and try again."),
    Code.PDF_EMPTY: QT_TRANSLATE_NOOP("Messages", "“{material}” has no pages, so there is nothing to show. Ask the bureau whether the file is complete."),
    Code.PDF_DAMAGED: QT_TRANSLATE_NOOP("Messages", "“{material}” is damaged; the pages that could be read are shown. Ask the bureau for a new copy if something is missing."),
    Code.PAGE_UNREADABLE: QT_TRANSLATE_NOOP("Messages", "Page {page} of “{material}” cannot be shown: it is damaged or too large to draw. The other pages are not affected."),
    Code.MATERIAL_MISSING: QT_TRANSLATE_NOOP("Messages", "“{material}” was not submitted by the applicant, so there is nothing to show."),
    Code.NOT_CHAIR: QT_TRANSLATE_NOOP("Messages", "This workspace's identity ({name}) is not the chair of the imported round. Open the chair's workspace (--home) to compile the panel's result."),
    Code.NOTE_EMPTY: QT_TRANSLATE_NOOP("Messages", "The note is empty. Write what the panel discussed and try again."),
    Code.REQUEST_INVALID: QT_TRANSLATE_NOOP("Messages", "The reconsideration request for {applicant} was not recorded ({detail}): name at least one expert assigned to it and items of its rubric."),
    Code.REASON_NOT_PERMITTED: QT_TRANSLATE_NOOP("Messages", "“{given}” is not a permitted reason for changing a score. Choose an adding-up error, a score outside the item's range, a disagreement on an objective item, or an abnormally high or low score."),
    Code.CHANGE_UNEXPLAINED: QT_TRANSLATE_NOOP("Messages", "The result cannot be signed: expert {expert} changed item {item} of {applicant} from {old} to {new} without a permitted reason. Give the reason in the chair's desk (changed scores), then compile again."),
    Code.NO_SCORES: QT_TRANSLATE_NOOP("Messages", "The result cannot be signed: no applicant has a score yet. Import the experts' return bundles first."),
    Code.PANEL_INCOMPLETE: QT_TRANSLATE_NOOP("Messages", "The result was not signed: score sheets have not arrived (expert/applicant: {sheets}; {missing} in all), so those scores rest on fewer experts than the panel. Import the missing return bundles, or sign without them on purpose (command line: --allow-incomplete)."),
    Code.RESULT_INVALID: QT_TRANSLATE_NOOP("Messages", "The panel result does not agree with this package ({detail}). Do not use it; ask the chair for a new result."),
    Code.OUTPUT_FOLDER_IN_USE: QT_TRANSLATE_NOOP("Messages", "The folder {path} holds other files ({files}), and the panel result replaces a folder as a whole. Choose a new or empty folder, or the folder of an earlier panel result."),
    Code.CANCELLED: QT_TRANSLATE_NOOP("Messages", "Cancelled. Nothing was changed."),
    Code.FILE_UNREADABLE: QT_TRANSLATE_NOOP("Messages", "The file {path} cannot be read. Check the path and your permissions."),
    Code.FILE_WRITE_FAILED: QT_TRANSLATE_NOOP("Messages", "The file {path} cannot be written ({detail}). Check free space and permissions."),
    Code.TEXT_INVALID: QT_TRANSLATE_NOOP("Messages", "Cannot save {field}: {reason}. Correct it and try again."),
}

_REASONS: dict[str, str] = {
    # OCR results in a package
    "ocr_malformed": QT_TRANSLATE_NOOP("Messages", "they are not in ReviewDesk's format"),
    "ocr_unknown_file": QT_TRANSLATE_NOOP("Messages", "they belong to no dossier file of the package"),
    "ocr_page_out_of_range": QT_TRANSLATE_NOOP("Messages", "they name a page the file does not have"),
    # USCC
    "length": QT_TRANSLATE_NOOP("Messages", "it must have 18 characters"),
    "character": QT_TRANSLATE_NOOP("Messages", "it contains a character not used in such codes"),
    "check": QT_TRANSLATE_NOOP("Messages", "the check character is wrong"),
    # rubric files
    "not_json": QT_TRANSLATE_NOOP("Messages", "the file is not valid JSON"),
    "unreadable": QT_TRANSLATE_NOOP("Messages", "the file cannot be read"),
    "shape": QT_TRANSLATE_NOOP("Messages", "a field is missing or has the wrong kind of value"),
    "duplicate_code": QT_TRANSLATE_NOOP("Messages", "the code is used twice"),
    "step_not_positive": QT_TRANSLATE_NOOP("Messages", "the scoring step must be greater than zero"),
    "max_not_positive": QT_TRANSLATE_NOOP("Messages", "the maximum points must be greater than zero"),
    "max_off_step": QT_TRANSLATE_NOOP("Messages", "the maximum points are not a whole number of steps"),
    "ratio_out_of_range": QT_TRANSLATE_NOOP("Messages", "a ratio must lie between 0 and 1"),
    "total_mismatch": QT_TRANSLATE_NOOP("Messages", "the items do not add up to the declared total points"),
    # tables
    "encoding": QT_TRANSLATE_NOOP("Messages", "the file is neither UTF-8 nor GBK text (save it as CSV UTF-8)"),
    "not_xlsx": QT_TRANSLATE_NOOP("Messages", "the file is not a readable XLSX workbook"),
    "format": QT_TRANSLATE_NOOP("Messages", "the value has the wrong format"),
    "empty": QT_TRANSLATE_NOOP("Messages", "the value is empty"),
    "missing_column": QT_TRANSLATE_NOOP("Messages", "the column is missing"),
    "uscc_length": QT_TRANSLATE_NOOP("Messages", "the credit code must have 18 characters"),
    "uscc_character": QT_TRANSLATE_NOOP("Messages", "the credit code contains a character not used in such codes"),
    "uscc_check": QT_TRANSLATE_NOOP("Messages", "the credit code's check character is wrong"),
    "duplicate": QT_TRANSLATE_NOOP("Messages", "the value appears twice"),
    "unknown": QT_TRANSLATE_NOOP("Messages", "the value is not one of the known ones"),
    "missing_file": QT_TRANSLATE_NOOP("Messages", "the named file does not exist"),
    # the bureau's rubric workbook
    "missing_row": QT_TRANSLATE_NOOP("Messages", "this row of the rubric's fields is missing (export a new workbook to see them all)"),
    "item_before_section": QT_TRANSLATE_NOOP("Messages", "an item must follow the section (一级指标) it belongs to"),
    "bonus_without_items": QT_TRANSLATE_NOOP("Messages", "a bonus cap is given but there are no bonus items"),
    # holiday lists the clerk loads (review_model/bureau/desk.read_calendar_file)
    "unknown_field": QT_TRANSLATE_NOOP("Messages", "this field is not part of a holiday list"),
    "missing_field": QT_TRANSLATE_NOOP("Messages", "this field is missing"),
    "not_a_date": QT_TRANSLATE_NOOP("Messages", "not a date (write it as 2027-01-01)"),
    "no_holidays": QT_TRANSLATE_NOOP("Messages", "the list names no holidays"),
    "ends_before_start": QT_TRANSLATE_NOOP("Messages", "the holiday ends before it begins"),
    "other_year": QT_TRANSLATE_NOOP("Messages", "this date is in another year than the list's other dates"),
    # scores and offline forms
    "unknown_item": QT_TRANSLATE_NOOP("Messages", "there is no such item in the rubric"),
    "out_of_range": QT_TRANSLATE_NOOP("Messages", "the score is outside the item's range"),
    "off_step": QT_TRANSLATE_NOOP("Messages", "the score is not a multiple of the item's step"),
    "not_a_number": QT_TRANSLATE_NOOP("Messages", "not a number"),
    "comment_required": QT_TRANSLATE_NOOP("Messages", "a score under 60% of the item's points needs a comment"),
    "bad_choice": QT_TRANSLATE_NOOP("Messages", "not one of the allowed answers"),
    "reason_required": QT_TRANSLATE_NOOP("Messages", "a veto needs a reason"),
    "stamp_missing": QT_TRANSLATE_NOOP("Messages", "the form's version row (#) is missing or changed; export a new form"),
    "other_applicant": QT_TRANSLATE_NOOP("Messages", "this form belongs to another applicant"),
    # return bundles (sheets refused by the verifier)
    "sheet_signature": QT_TRANSLATE_NOOP("Messages", "its own signature is not the expert's"),
    "sheet_schema": QT_TRANSLATE_NOOP("Messages", "it is not a valid score sheet"),
    "not_canonical": QT_TRANSLATE_NOOP("Messages", "it is not in the canonical form that was signed"),
    "other_round": QT_TRANSLATE_NOOP("Messages", "it belongs to another round or package"),
    "expert_mismatch": QT_TRANSLATE_NOOP("Messages", "it names another expert than the signer"),
    "not_assigned": QT_TRANSLATE_NOOP("Messages", "the package does not assign this applicant to the expert"),
    "applicant_mismatch": QT_TRANSLATE_NOOP("Messages", "its applicant differs from the package's"),
    "conflict_declared": QT_TRANSLATE_NOOP("Messages", "the expert declared a conflict of interest with this applicant"),
    "rubric_mismatch": QT_TRANSLATE_NOOP("Messages", "it was scored on another rubric version"),
    "revision_mismatch": QT_TRANSLATE_NOOP("Messages", "its revision number or amendment reason is inconsistent"),
    "items_mismatch": QT_TRANSLATE_NOOP("Messages", "its items are not the rubric's"),
    "unscored": QT_TRANSLATE_NOOP("Messages", "an item has no score"),
    "vetoes_mismatch": QT_TRANSLATE_NOOP("Messages", "its vetoes are not the rubric's"),
    "totals_wrong": QT_TRANSLATE_NOOP("Messages", "its totals do not add up (bonus cap included)"),
    "evidence_unknown": QT_TRANSLATE_NOOP("Messages", "it cites a material or page the dossier does not have"),
    "pdf_mismatch": QT_TRANSLATE_NOOP("Messages", "its PDF was not drawn from this sheet"),
    "listing_mismatch": QT_TRANSLATE_NOOP("Messages", "return.json does not list it as it is"),
    "revision_gap": QT_TRANSLATE_NOOP("Messages", "its revisions are not numbered 1, 2, 3… in signing order"),
    "current_not_newest": QT_TRANSLATE_NOOP("Messages", "an older revision is marked as the current one"),
    # JSON in exchange files (review_model/exchange/signed_json.py)
    "duplicate_key": QT_TRANSLATE_NOOP("Messages", "it names the same field twice, so what was signed is ambiguous"),
    "too_deep": QT_TRANSLATE_NOOP("Messages", "it is nested deeper than any ReviewDesk file"),
    "not_finite": QT_TRANSLATE_NOOP("Messages", "it holds a number JSON does not allow (NaN or Infinity)"),
    # the bureau's intake service (its refusal codes; not_assigned and conflict_declared are above)
    "not_a_bundle": QT_TRANSLATE_NOOP("Messages", "the file is damaged or not a ReviewDesk return bundle"),
    "signature_bad": QT_TRANSLATE_NOOP("Messages", "its signature is not valid"),
    "too_large": QT_TRANSLATE_NOOP("Messages", "it is larger than the intake accepts"),
    "unknown_round": QT_TRANSLATE_NOOP("Messages", "the intake has no such round (ask the bureau to open it)"),
    "not_in_package": QT_TRANSLATE_NOOP("Messages", "its signer is not an expert of the round's package"),
    "revision_conflict": QT_TRANSLATE_NOOP("Messages", "the intake already holds that revision with different contents"),
    "bundle_invalid": QT_TRANSLATE_NOOP("Messages", "a score sheet in it does not pass the bureau's checks (“reviewdesk verify” says which)"),
    "upload_corrupt": QT_TRANSLATE_NOOP("Messages", "the bytes received do not match the file sent"),
    # text people type or send (review_model/plain_text.py)
    "control": QT_TRANSLATE_NOOP("Messages", "it contains an invisible control character (often pasted from another program)"),
    "too_long": QT_TRANSLATE_NOOP("Messages", "it is longer than the app accepts"),
    "not_text": QT_TRANSLATE_NOOP("Messages", "it is not text"),
    # spreadsheets people send (review_model/tables.py) and the offline form
    "csv_syntax": QT_TRANSLATE_NOOP("Messages", "the line cannot be read as CSV (check the quotation marks)"),
    "table_too_large": QT_TRANSLATE_NOOP("Messages", "the file is far larger than any table or form; choose the right file"),
    "duplicate_column": QT_TRANSLATE_NOOP("Messages", "the column appears twice in the header"),
    "merged": QT_TRANSLATE_NOOP("Messages", "the cell is merged into its neighbour, so its value would be lost; unmerge the cells and type the value into each"),
    "formula_no_value": QT_TRANSLATE_NOOP("Messages", "the cell holds a formula with no saved result; type the value instead, or open and save the file in Excel or WPS"),
    "not_read": QT_TRANSLATE_NOOP("Messages", "this row does not read this column; move the value to the column the row reads (see the 填写说明 column)"),
    "code_missing": QT_TRANSLATE_NOOP("Messages", "the row has a score or comment but no item code"),
    "vetoed_recommend": QT_TRANSLATE_NOOP("Messages", "a ticked veto (是) rules out 推荐; write 不推荐, or answer 否 on the veto's row"),
}

# What a TEXT_INVALID refusal names (review_model/plain_text.TextField).
_TEXT_FIELDS: dict[str, str] = {
    "comment": QT_TRANSLATE_NOOP("Messages", "the comment on item {item}"),
    "opinion": QT_TRANSLATE_NOOP("Messages", "the overall opinion"),
    "veto_reason": QT_TRANSLATE_NOOP("Messages", "the reason for veto {item}"),
    "note": QT_TRANSLATE_NOOP("Messages", "the note"),
    "caption": QT_TRANSLATE_NOOP("Messages", "the photo caption"),
    "conflict_reason": QT_TRANSLATE_NOOP("Messages", "the reason for the conflict of interest"),
    "amend_reason": QT_TRANSLATE_NOOP("Messages", "the reason for amending the sheet"),
}

# The aggregation policy's choices, as a POLICY_INVALID refusal names them.
_POLICY_FIELDS: dict[str, str] = {
    "method": QT_TRANSLATE_NOOP("Messages", "the method"),
    "level": QT_TRANSLATE_NOOP("Messages", "the level"),
    "trim_min_experts": QT_TRANSLATE_NOOP("Messages", "the number of experts needed to trim"),
    "decimals": QT_TRANSLATE_NOOP("Messages", "the decimals"),
    "veto_rule": QT_TRANSLATE_NOOP("Messages", "the veto rule"),
    "min_score": QT_TRANSLATE_NOOP("Messages", "the minimum score"),
    "abnormal_ratio": QT_TRANSLATE_NOOP("Messages", "the abnormal-score threshold"),
    "abnormal_items": QT_TRANSLATE_NOOP("Messages", "abnormal scores per item"),
    "abnormal_item_min_points": QT_TRANSLATE_NOOP("Messages", "the per-item point minimum"),
    "tie_rule": QT_TRANSLATE_NOOP("Messages", "the tie rule"),
    "tie_section": QT_TRANSLATE_NOOP("Messages", "the section that breaks ties"),
}

_WHERE: dict[str, str] = {
    "keyring": QT_TRANSLATE_NOOP("Messages", "system keyring"),
    "file": QT_TRANSLATE_NOOP("Messages", "key file"),
}


def reason_text(reason: str) -> str:
    """A reason code (e.g. the intake's refusal) as words in the UI language; the code if unknown."""
    return tr(_REASONS[reason]) if reason in _REASONS else reason


def describe(problem: Problem) -> str:
    """One sentence in the UI language for a domain refusal."""
    template = tr(_PROBLEMS.get(problem.code, QT_TRANSLATE_NOOP("Messages", "The operation was refused ({code}).")))
    params = {k: ("" if v is None else v) for k, v in problem.params.items()}
    if "reason" in params and str(params["reason"]) in _REASONS:
        reason = str(params["reason"])
        params["reason"] = tr(_REASONS[reason])
        if reason in ("total_mismatch",) and problem.params.get("detail"):
            params["reason"] = f"{params['reason']} {problem.params['detail']}"
    if problem.code == Code.WRONG_KIND:
        params["found"], params["expected"] = label(EXCHANGE_KINDS, str(params["found"])), label(EXCHANGE_KINDS, str(params["expected"]))
    if "where" in params and str(params["where"]) in _WHERE:
        params["where"] = tr(_WHERE[str(params["where"])])
    if problem.code == Code.TABLE_INVALID and params.get("value"):
        params["reason"] = f"{params['reason']} ({params['value']})"
    if problem.code == Code.SHEET_INCOMPLETE:
        params["checklist"] = checklist_text(tuple(problem.params.get("checklist", ())))
    if problem.code == Code.RETURN_INVALID and params.get("detail"):
        params["reason"] = f"{params.get('reason', '')} ({params['detail']})"
    if problem.code in (Code.FORM_INVALID, Code.RUBRIC_CELLS_INVALID):
        return _form_errors(template, params)
    if problem.code == Code.TEXT_INVALID:
        _text_details(problem, params)
    if problem.code == Code.POLICY_INVALID and str(params.get("field")) in _POLICY_FIELDS:
        params["field"] = tr(_POLICY_FIELDS[str(params["field"])])
    if problem.code == Code.CALENDAR_FILE_INVALID:  # where the file is wrong: a row, a field or a holiday
        row, where = problem.params.get("row"), params.get("where")
        params["where"] = (tr(QT_TRANSLATE_NOOP("Messages", "row {row}: ")).format(row=row) if row else
                           tr(QT_TRANSLATE_NOOP("Messages", "{where}: ")).format(where=where) if where else "")
    if problem.code == Code.DESK_INTAKE_KEY_INVALID:
        params["role"] = label(ROLES, str(params.get("role", "")))
    params.setdefault("code", problem.code.value)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return f"{template} {problem}"


def _text_details(problem: Problem, params: dict) -> None:
    """Name the field in words, and say where the bad character is or how long is too long."""
    field = str(problem.params.get("field", ""))
    if field in _TEXT_FIELDS:
        params["field"] = tr(_TEXT_FIELDS[field]).format(item=problem.params.get("item", ""))
    detail = ""
    if problem.params.get("reason") == "control":
        detail = tr(QT_TRANSLATE_NOOP("Messages", "({char} at character {position})")).format(
            char=problem.params.get("char", ""), position=problem.params.get("position", ""))
    elif problem.params.get("reason") == "too_long":
        detail = tr(QT_TRANSLATE_NOOP("Messages", "({length} characters; at most {limit})")).format(
            length=problem.params.get("length", ""), limit=problem.params.get("limit", ""))
    if detail:  # "(…)" after a space in English, "（…）" directly in Chinese
        params["reason"] += detail if detail.startswith("（") else " " + detail


FORM_ERRORS_SHOWN = 20  # the domain keeps this many bad cells of a form and counts the rest


def _form_errors(template: str, params: dict) -> str:
    lines = [template.format(file=params.get("file", ""))]
    row_word = tr(QT_TRANSLATE_NOOP("Messages", "row {row}, column {column}: {reason}"))
    cells = list(params.get("errors", []))
    for cell in cells[:FORM_ERRORS_SHOWN]:
        reason = tr(_REASONS[cell.reason]) if cell.reason in _REASONS else cell.reason
        line = row_word.format(row=cell.row, column=cell.column, reason=reason)
        lines.append(f"  • {line}" + (f" ({cell.value})" if cell.value else ""))
    more = int(params.get("more") or 0) + max(0, len(cells) - FORM_ERRORS_SHOWN)
    if more:
        lines.append("  " + tr(QT_TRANSLATE_NOOP("Messages", "… and {n} more bad cells.")).format(n=more))
    return "\n".join(lines)
