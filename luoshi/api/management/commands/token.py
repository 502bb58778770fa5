"""`luoshi token create|list|revoke`: API tokens for scripts.

luoshi token create USERNAME [--name NAME]   prints the new token once
luoshi token list [USERNAME]                 prefix, person, name, created, last used, revoked
luoshi token revoke PREFIX_OR_ID             the token stops working at once
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from luoshi.api.auth import issue_token
from luoshi.api.models import ApiToken


class Command(BaseCommand):
    help = "Create, list and revoke API tokens."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Issue a token; it is printed once.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="What the token is for.")
        listing = actions.add_parser("list", help="List tokens (of one person).")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="Revoke a token by its prefix or id.")
        revoke.add_argument("token", metavar="PREFIX_OR_ID")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No person with the username {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username} is inactive; an inactive person's token is refused.")
        token, raw = issue_token(user, name)
        self.stdout.write(raw)
        self.stderr.write(
            f"Token {token.prefix}… (id {token.pk}) for {username}. "
            "It is shown only now: store it safely."
        )

    def _list(self, username=None, **options):
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "created_at")
        if username:
            tokens = tokens.filter(user__username=username)
        for token in tokens:
            self.stdout.write(
                "\t".join(
                    [
                        str(token.pk),
                        token.prefix,
                        token.user.username,
                        token.name or "-",
                        f"created {token.created_at:%Y-%m-%d %H:%M}",
                        f"used {token.last_used_at:%Y-%m-%d %H:%M}"
                        if token.last_used_at
                        else "never used",
                        f"REVOKED {token.revoked_at:%Y-%m-%d %H:%M}"
                        if token.revoked_at
                        else "active",
                    ]
                )
            )

    def _revoke(self, token, **options):
        matches = ApiToken.objects.filter(prefix=token)
        if token.isascii() and token.isdigit() and len(token) <= 18:
            matches = matches | ApiToken.objects.filter(pk=int(token))
        matches = list(matches.distinct())
        if not matches:
            raise CommandError(f"No token with the prefix or id {token!r}.")
        if len(matches) > 1:
            ids = ", ".join(str(t.pk) for t in matches)
            raise CommandError(f"{token!r} matches several tokens ({ids}); give the id.")
        found = matches[0]
        if found.revoked_at is None:
            found.revoked_at = timezone.now()
            found.save(update_fields=["revoked_at"])
        self.stdout.write(f"Revoked {found.prefix}… (id {found.pk}) of {found.user.username}.")
