"""Alembic environment of the intake (not the home's): run on the connection service.db hands over."""
from alembic import context

from service.db import VERSION_TABLE
from service.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # `alembic revision --autogenerate` from a developer's shell
    from sqlalchemy import create_engine

    url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
    connection = create_engine(url).connect()

context.configure(connection=connection, target_metadata=target_metadata, version_table=VERSION_TABLE,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
