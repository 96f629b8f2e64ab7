"""The part our trainable graph components share: a scikit-learn estimator
kept in Rasa's model storage with joblib, and loaded back (or absent, when a
model was trained without it)."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import joblib
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

logger = logging.getLogger(__name__)


class PersistedEstimatorComponent(GraphComponent):
    estimator_file: ClassVar[str]
    missing_message: ClassVar[str]  # logged when a model holds no estimator

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource, estimator=None):
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._estimator = estimator

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersistedEstimatorComponent:
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> PersistedEstimatorComponent:
        try:
            with model_storage.read_from(resource) as directory:
                estimator = joblib.load(directory / cls.estimator_file)
        except (ValueError, FileNotFoundError):
            logger.warning(cls.missing_message)
            estimator = None
        return cls(config, model_storage, resource, estimator)

    def _persist(self, estimator) -> Resource:
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump(estimator, directory / self.estimator_file)
        return self._resource
