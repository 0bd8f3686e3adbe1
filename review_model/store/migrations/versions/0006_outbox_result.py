"""The chair's signed panel result goes through the outbox too (sync/result_outbox.py): its outbox
item names no applicant, so outbox_item.applicant_id may be empty.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox_item') as batch:
        batch.alter_column('applicant_id', existing_type=sa.String(), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM outbox_item WHERE applicant_id IS NULL")
    with op.batch_alter_table('outbox_item') as batch:
        batch.alter_column('applicant_id', existing_type=sa.String(), nullable=False)
