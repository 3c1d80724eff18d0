"""Names for the types that services, selectors and permission checks share (checked by mypy)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as UserModel  # settings.AUTH_USER_MODEL

# request.user: signed in or not.
User = UserModel | AnonymousUser
# Who does a write: None for the system (a task, a management command, the demo).
Actor = UserModel | AnonymousUser | None


def signed_in(actor: Actor) -> UserModel | None:
    """The actor as a user to record (created_by, reviewed_by), or None for the system or someone signed out."""
    return actor if isinstance(actor, UserModel) and actor.is_authenticated else None
