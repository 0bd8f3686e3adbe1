"""The dossier viewer: how the expert turned each material or page for reading.

The text index is not here: it is derived data, rebuilt from the PDFs, and lives in the home's
cache folder (review_model/dossier/text_index.py) so that building it never holds the write lock
of this database while the expert is scoring.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('page_rotation',
    sa.Column('material_id', sa.Integer(), nullable=False),
    sa.Column('page_index', sa.Integer(), nullable=False),
    sa.Column('degrees', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['material.id'], ),
    sa.PrimaryKeyConstraint('material_id', 'page_index')
    )


def downgrade() -> None:
    op.drop_table('page_rotation')
