"""The outbox: e-mail recorded with the change that causes it and delivered, once per recipient, by a task."""
