"""A target's state as pages show it: the status engine's states with their labels and colours.

Every layer's pages draw a state ({% state_badge %}), so the words and colours live here,
with the shared page pieces, below plans; plans.choices takes its field choices from here.
The values are the engine's (luoshi.core.targets.State), never written a second time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.targets import State as CoreState


class State(models.TextChoices):
    """The status engine's states (core.targets.State, DESIGN.md section 4) as field
    choices: each takes its value from the engine's enum and carries its label here."""

    DONE = CoreState.DONE, _("Done")
    ON_TRACK = CoreState.ON_TRACK, _("On track")
    LAGGING = CoreState.LAGGING, _("Lagging")
    BEHIND = CoreState.BEHIND, _("Behind")
    OVERDUE = CoreState.OVERDUE, _("Overdue")
    NOT_STARTED = CoreState.NOT_STARTED, _("Not started")

    @property
    def colour(self) -> str:
        """Bootstrap colour name of the state's badge."""
        return STATE_COLOURS[self.value]


STATE_COLOURS: dict[str, str] = {
    State.DONE: "primary",
    State.ON_TRACK: "success",
    State.LAGGING: "warning",
    State.BEHIND: "danger",
    State.OVERDUE: "danger",
    State.NOT_STARTED: "secondary",
}
