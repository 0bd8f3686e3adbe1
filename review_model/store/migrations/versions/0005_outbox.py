"""The outbox: every signed revision and declared conflict, queued in the transaction that made it,
and the return bundles made to deliver them to the bureau's intake (with the intake's receipts).

Existing homes get a queued item for every revision already signed and every conflict already
declared, so upgrading does not leave earlier work unsent.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'  # after the bureau's desk (both were written from 0003 at the same time)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('outbox_bundle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('upload_url', sa.String(), nullable=True),
    sa.Column('receipt', sa.LargeBinary(), nullable=True),
    sa.Column('receipt_signature', sa.String(), nullable=True),
    sa.Column('delivered_at', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_sha256')
    )
    op.create_table('outbox_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('bundle_id', sa.Integer(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_try_at', sa.String(), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('reason', sa.String(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.Column('delivered_at', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['bundle_id'], ['outbox_bundle.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    # earlier work, oldest first: signed revisions by their signing time, conflicts by declaration
    op.execute("INSERT INTO outbox_item (kind, applicant_id, revision, created_at, state, attempts) "
               "SELECT 'signed', s.applicant_id, r.number, r.signed_at, 'queued', 0 FROM sheet_revision r "
               "JOIN score_sheet s ON s.id = r.sheet_id WHERE r.state = 'signed' ORDER BY r.signed_at")
    op.execute("INSERT INTO outbox_item (kind, applicant_id, revision, created_at, state, attempts) "
               "SELECT 'conflict', applicant_id, NULL, declared_at, 'queued', 0 FROM conflict_declaration "
               "WHERE has_conflict ORDER BY declared_at")


def downgrade() -> None:
    op.drop_table('outbox_item')
    op.drop_table('outbox_bundle')
