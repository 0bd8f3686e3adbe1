"""The intake's first schema: rounds, accepted bundles with their receipts, the signed revisions
they carried, refusals, transfers in progress and short-lived read tokens. Times are ISO 8601 text.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    counter = op.create_table('intake_counter',
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.bulk_insert(counter, [{"name": "receipt", "value": 0}])  # receipts are numbered from 1
    op.create_table('intake_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_id', sa.String(length=64), nullable=False),
    sa.Column('package_sha256', sa.String(length=64), nullable=False),
    sa.Column('package_file_sha256', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('bureau_name', sa.Text(), nullable=False),
    sa.Column('bureau_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('chair_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('roster', sa.Text(), nullable=False),
    sa.Column('added_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('package_sha256'),
    sa.UniqueConstraint('round_id')
    )
    op.create_table('intake_token',
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('principal', sa.Text(), nullable=False),
    sa.Column('rounds', sa.Text(), nullable=False),
    sa.Column('expires_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('token_sha256')
    )
    op.create_table('intake_upload',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('intake_bundle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_pk', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('bundle_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('received_at', sa.String(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('conflicts', sa.Text(), nullable=False),
    sa.Column('receipt', sa.Text(), nullable=False),
    sa.Column('receipt_signature', sa.String(length=128), nullable=False),
    sa.ForeignKeyConstraint(['round_pk'], ['intake_round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_sha256'),
    sa.UniqueConstraint('seq')
    )
    op.create_index('ix_intake_bundle_round_pk', 'intake_bundle', ['round_pk'])
    op.create_table('intake_refusal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('round_pk', sa.Integer(), nullable=True),
    sa.Column('expert_id', sa.String(length=64), nullable=True),
    sa.Column('applicant_id', sa.String(length=64), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('received_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['round_pk'], ['intake_round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('file_sha256')
    )
    op.create_index('ix_intake_refusal_round_pk', 'intake_refusal', ['round_pk'])
    op.create_table('intake_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_pk', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.String(length=64), nullable=False),
    sa.Column('applicant_id', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('json_sha256', sa.String(length=64), nullable=False),
    sa.Column('signed_at', sa.String(), nullable=False),
    sa.Column('first_bundle_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['first_bundle_id'], ['intake_bundle.id'], ),
    sa.ForeignKeyConstraint(['round_pk'], ['intake_round.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('round_pk', 'expert_id', 'applicant_id', 'revision')
    )
    op.create_index('ix_intake_sheet_round_pk', 'intake_sheet', ['round_pk'])


def downgrade() -> None:
    op.drop_index('ix_intake_sheet_round_pk', 'intake_sheet')

    op.drop_table('intake_sheet')
    op.drop_index('ix_intake_refusal_round_pk', 'intake_refusal')

    op.drop_table('intake_refusal')
    op.drop_index('ix_intake_bundle_round_pk', 'intake_bundle')

    op.drop_table('intake_bundle')
    op.drop_table('intake_upload')
    op.drop_table('intake_token')
    op.drop_table('intake_round')
    op.drop_table('intake_counter')
