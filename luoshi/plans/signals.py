"""Signals plans sends to the apps above it, which plans does not import."""

from django.dispatch import Signal

# Sent by actions.update_target, inside its transaction, when a target moves to another
# unit: kwargs `target` (already carrying its new unit) and `old_unit_id`. Receivers move
# what they keep per unit along with it (reporting: each report's unit, kept for access).
target_moved = Signal()
