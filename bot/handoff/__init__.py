"""Handing a conversation to a human counselor: the queue of tickets, and
Rasa's HTTP API (pause, counselor messages, resume) that the console drives."""
