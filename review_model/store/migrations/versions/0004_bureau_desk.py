"""The bureau's desk: the round being set up, its applicants, attached materials, enrolled experts,
the district's rubrics and loaded calendar years (review_model/bureau/records.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('desk_round',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('round_json', sa.Text(), nullable=False),
    sa.Column('column_mapping', sa.Text(), nullable=False),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.Column('updated_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('desk_applicant',
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('uscc', sa.String(), nullable=False),
    sa.Column('entity_kind', sa.String(), nullable=False),
    sa.Column('industry', sa.String(), nullable=False),
    sa.Column('carrier_type', sa.String(), nullable=False),
    sa.Column('address', sa.String(), nullable=False),
    sa.Column('legal_representative', sa.String(), nullable=False),
    sa.Column('contact', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('applicant_id'),
    sa.UniqueConstraint('uscc')
    )
    op.create_table('desk_material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applicant_id', sa.String(), nullable=False),
    sa.Column('material', sa.String(), nullable=False),
    sa.Column('source_name', sa.String(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('origin_sha256', sa.String(), nullable=True),
    sa.Column('first_page', sa.Integer(), nullable=True),
    sa.Column('last_page', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['desk_applicant.applicant_id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('applicant_id', 'source_name')
    )
    op.create_table('desk_expert',
    sa.Column('expert_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('organisation', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('identity', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprint', sa.String(), nullable=False),
    sa.Column('applicants', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('expert_id'),
    sa.UniqueConstraint('fingerprint')
    )
    op.create_table('desk_rubric',
    sa.Column('carrier_type', sa.String(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source_name', sa.String(), nullable=False),
    sa.Column('imported_at', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('carrier_type')
    )
    op.create_table('desk_calendar',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('source_name', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('year')
    )


def downgrade() -> None:
    op.drop_table('desk_calendar')
    op.drop_table('desk_rubric')
    op.drop_table('desk_expert')
    op.drop_table('desk_material')
    op.drop_table('desk_applicant')
    op.drop_table('desk_round')
