"""First schema: identity, round, applicants and dossiers, experts, score sheets, audit log.

Types are stored as SQLite sees them (decimal points and times as TEXT); the mapping in
review_model.store.models converts them. The audit log is append-only by trigger.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('applicant',
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('uscc', sa.String(), nullable=False),
    sa.Column('entity_kind', sa.String(), nullable=False),
    sa.Column('industry', sa.String(), nullable=False),
    sa.Column('carrier_type', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=False),
    sa.Column('legal_representative', sa.String(), nullable=False),
    sa.Column('contact', sa.String(), nullable=False),
    sa.Column('acceptance', sa.String(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('applicant_id'),
    sa.UniqueConstraint('uscc')
    )
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('actor', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('entity_id', sa.String(), nullable=False),
    sa.Column('field', sa.String(), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('expert',
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('organisation', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('public_key', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('expert_id'),
    sa.UniqueConstraint('fingerprint')
    )
    op.create_table('identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('public_key', sa.String(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('key_store', sa.String(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('round',
    sa.Column('round_id', sa.String(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('district', sa.String(), nullable=False),
    sa.Column('programme', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('bureau_name', sa.String(), nullable=False),
    sa.Column('bureau_fingerprint', sa.String(), nullable=False),
    sa.Column('package_sha256', sa.String(), nullable=False),
    sa.Column('round_json', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('round_id')
    )
    op.create_table('rubric',
    sa.Column('carrier_type', sa.String(), nullable=False),
    sa.Column('rubric_id', sa.String(), nullable=False),
    sa.Column('version', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('carrier_type')
    )
    op.create_table('setting',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('trusted_key',
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('public_key', sa.String(), nullable=False),
    sa.Column('trusted_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint')
    )
    op.create_table('assignment',
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('expert_id', 'applicant_id')
    )
    op.create_table('conflict_declaration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('has_conflict', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('declared_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('page_count', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('applicant_id', 'position')
    )
    op.create_table('score_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['applicant.applicant_id'], ),
    sa.ForeignKeyConstraint(['expert_id'], ['expert.expert_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('applicant_id', 'expert_id')
    )
    op.create_table('sheet_revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('amend_reason', sa.Text(), nullable=False),
    sa.Column('opinion', sa.Text(), nullable=False),
    sa.Column('recommendation', sa.String(), nullable=False),
    sa.Column('signed_at', sa.String(), nullable=True),
    sa.Column('signed_json', sa.LargeBinary(), nullable=True),
    sa.Column('signature', sa.String(), nullable=True),
    sa.Column('pdf_sha256', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['sheet_id'], ['score_sheet.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sheet_id', 'number')
    )
    op.create_table('evidence_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('page_index', sa.Integer(), nullable=False),
    sa.Column('x0', sa.Double(), nullable=True),
    sa.Column('y0', sa.Double(), nullable=True),
    sa.Column('x1', sa.Double(), nullable=True),
    sa.Column('y1', sa.Double(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['material.id'], ),
    sa.ForeignKeyConstraint(['revision_id'], ['sheet_revision.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('item_score',
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(), nullable=False),
    sa.Column('score', sa.String(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sheet_revision.id'], ),
    sa.PrimaryKeyConstraint('revision_id', 'item_code')
    )
    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sheet_revision.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('original_sha256', sa.String(), nullable=False),
    sa.Column('original_name', sa.String(), nullable=False),
    sa.Column('taken_at', sa.String(), nullable=True),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sheet_revision.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('veto_mark',
    sa.Column('revision_id', sa.Integer(), nullable=False),
    sa.Column('veto_code', sa.String(), nullable=False),
    sa.Column('triggered', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['revision_id'], ['sheet_revision.id'], ),
    sa.PrimaryKeyConstraint('revision_id', 'veto_code')
    )


    op.execute(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    )


def downgrade() -> None:
    op.drop_table('veto_mark')
    op.drop_table('photo')
    op.drop_table('note')
    op.drop_table('item_score')
    op.drop_table('evidence_link')
    op.drop_table('sheet_revision')
    op.drop_table('score_sheet')
    op.drop_table('material')
    op.drop_table('conflict_declaration')
    op.drop_table('assignment')
    op.drop_table('trusted_key')
    op.drop_table('setting')
    op.drop_table('rubric')
    op.drop_table('round')
    op.drop_table('identity')
    op.drop_table('expert')
    op.drop_table('audit_log')
    op.drop_table('applicant')
