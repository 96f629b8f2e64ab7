"""Thin rasa-sdk actions; the logic they call lives in `bot/`.

rasa-sdk imports every module here at start: nothing is opened at import time.
"""
