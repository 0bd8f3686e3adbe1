"""The chair's desk: return bundles received, the signed revisions they carried, the panel's
discussion notes, reconsideration requests and the permitted reasons given for changed scores.

Refused bundles are not stored: a refusal leaves the home unchanged. Signed sheet JSON is kept
byte for byte (its signature was verified against the package when it came in).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('chair_bundle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_sha256', sa.String(), nullable=False),
    sa.Column('file_sha256', sa.String(), nullable=False),
    sa.Column('file_name', sa.String(), nullable=False),
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('imported_at', sa.String(), nullable=False),
    sa.Column('declarations', sa.Text(), nullable=False),
    sa.Column('revisions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('bundle_sha256')
    )
    op.create_table('chair_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bundle_id', sa.Integer(), nullable=False),
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('signed_at', sa.String(), nullable=False),
    sa.Column('amend_reason', sa.Text(), nullable=False),
    sa.Column('json_sha256', sa.String(), nullable=False),
    sa.Column('signed_json', sa.LargeBinary(), nullable=False),
    sa.Column('signature', sa.String(), nullable=False),
    sa.Column('pdf_sha256', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['bundle_id'], ['chair_bundle.id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('json_sha256')
    )
    op.create_table('chair_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('chair_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('items', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('asked_revision', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('chair_change_reason',
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('item_code', sa.String(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('reason', sa.String(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('set_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('expert_id', 'applicant_id', 'item_code', 'revision')
    )


def downgrade() -> None:
    op.drop_table('chair_change_reason')
    op.drop_table('chair_request')
    op.drop_table('chair_note')
    op.drop_table('chair_sheet')
    op.drop_table('chair_bundle')
