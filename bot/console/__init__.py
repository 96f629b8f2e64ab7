"""The counselors' console, staff side: accounts (argon2id), sessions in the
database, CSRF, and the `/console` blueprint (docs/console.md)."""
