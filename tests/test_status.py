from bilat.status import ExitStatus


def test_exit_statuses_are_named():
    assert [(s.name, int(s)) for s in ExitStatus] == [("OK", 0), ("ERROR", 1), ("USAGE", 2), ("INTERRUPTED", 130)]
