import os

import pytest

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")


@pytest.fixture
def default_model_storage(tmp_path):
    from rasa.engine.storage.local_model_storage import LocalModelStorage

    directory = tmp_path / "model_storage"
    directory.mkdir()
    return LocalModelStorage.create(directory)


@pytest.fixture
def execution_context():
    from rasa.engine.graph import ExecutionContext

    return ExecutionContext(graph_schema=None)  # type: ignore[arg-type]


from tests.postgres_server import postgres_url  # noqa: E402,F401  (a shared fixture)
