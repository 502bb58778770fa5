"""The state choices are the status engine's states, each with its label and colour."""

from luoshi.core.targets import State as EngineState
from luoshi.plans.choices import STATE_COLOURS, State


def test_the_choices_list_the_engine_s_states_in_its_order():
    assert [state.value for state in State] == [state.value for state in EngineState]


def test_every_state_has_a_label_of_its_own_and_a_colour():
    assert len({str(state.label) for state in State}) == len(State)
    assert set(STATE_COLOURS) == set(EngineState)
    assert State(EngineState.LAGGING).colour == "warning"
