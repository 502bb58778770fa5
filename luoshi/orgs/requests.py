"""The request of a page behind login_required, for the type checker.

Django types `request.user` as a User or an AnonymousUser; behind login_required
it is always a User, and the actions take a User. A view annotated with
`AuthedRequest` says so. At run time the request is Django's HttpRequest.
"""

from django.http import HttpRequest

from .models import User


class AuthedRequest(HttpRequest):
    """A request from a signed-in person: `user` is a User."""

    user: User
    # Set by the approval queue page when it has counted the queue (the menu shows it).
    approval_queue_count: int
