"""The tests' own way of starting the stack: a port that another program takes between its choice
and the stack's bind must not fail the tests that share that stack (it failed 95 of them once)."""

import socket

import pytest

from local_runner import ports
from tests import running_stack
from tests.security.stack import table_items

pytestmark = pytest.mark.e2e


def test_a_chosen_port_is_free_and_outside_the_kernels_ephemeral_range():
    ephemeral = ports.ephemeral_ports()
    for _ in range(20):
        port = ports.free_port()
        assert port not in ephemeral
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", port))


@pytest.mark.parametrize("taken", ["api", "moto"])
def test_a_stack_whose_port_was_taken_starts_again_on_other_ports(
    taken, tmp_path_factory, monkeypatch
):
    order = ["api", "pos", "jira", "url", "moto"]  # the order in which _start chooses them
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken_port = squatter.getsockname()[1]
        choose = running_stack.free_port
        first_choices = [
            taken_port if name == taken else choose() for name in reversed(order)
        ]  # popped from the end: the first stack gets the taken port, the second fresh ones
        monkeypatch.setattr(
            running_stack, "free_port", lambda: first_choices.pop() if first_choices else choose()
        )
        for stack in running_stack.start_running_stack(tmp_path_factory, with_demo=False):
            assert f":{taken_port}" not in (stack.api_url, stack.aws_url)
            assert stack.get("/api/automation/status")
            assert table_items(stack, "GroupsTable") == []  # its moto is where it says
