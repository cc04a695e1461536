"""A class that explores, against a real server with one training slot: every student on a
setting of their own, two on the same one. Each session finishes without error; a session
that has to wait sees a bar with its place in line, then its run's progress; the view at init
is drawn before the trained view (a chart well before the run ends); two sessions on one
setting both follow that one run's progress. No timing targets here (`python -m bench --only
load --distinct 60` has them)."""

import math

import pytest

from bench.load import L, format_results, free_port, q, run_sessions, start_server, stop_server

SAT, DEAD, DEEP = "Tanh_saturation", "Dead_neurons", "Deep_network_health"
LINKS = [
    *(L(SAT, q(s_w1=w, s_steps=1500)) for w in (0.131, 0.262, 0.393)),
    L(DEAD, q(d_w1=0.77, d_steps=1000)),
    L(DEAD, q(d_w1=0.77, d_steps=1000)),  # the same setting as the one above
    *(L(DEEP, q(n_gain=g, n_steps=600)) for g in (0.77, 1.23)),
]


@pytest.fixture(scope="module")
def results(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("ACTIVATIONS_TRAINING_SLOTS", "1")
    port = free_port()
    proc = start_server(port, timeout=120, log_path=tmp_path_factory.mktemp("explore") / "streamlit.log", warmup=False)
    try:
        rs = run_sessions(f"http://127.0.0.1:{port}", len(LINKS), links=LINKS, timeout=240)
    finally:
        stop_server(proc)
    print("\n" + format_results(rs))
    return rs


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_every_session_finishes_its_view_without_error(results):
    assert all(r.ok for r in results), format_results(results)
    assert all(r.charts > 0 for r in results)


def test_waiting_sessions_see_their_place_then_the_progress_of_their_run(results):
    assert all(r.progress_bars > 0 for r in results)  # nothing here was stored before
    queued = [r for r in results if r.progress_queued]
    assert len(queued) >= 2, [r.progress_first for r in results]  # one slot, three groups of work
    # a run's share done, on every page (a short run may end before its bar's next redraw, so
    # not necessarily in every session)
    for page in (SAT, DEAD, DEEP):
        assert any("%" in (r.progress_last or "") for r in results if r.link.page == page), page


def test_the_view_at_init_is_drawn_before_the_trained_view(results):
    for r in results:
        assert not math.isnan(r.first_chart_s) and r.first_chart_s < r.total_s - 0.5, (
            str(r.link),
            r.first_chart_s,
            r.total_s,
        )


def test_two_sessions_on_one_setting_follow_the_same_run(results):
    a, b = (r for r in results if r.link.page == DEAD)
    assert a.progress_bars and b.progress_bars and a.charts == b.charts  # one run, the same view
