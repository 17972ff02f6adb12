"""`drill graph`: Mermaid and dot text of the hazard, from the compiled machine."""

from __future__ import annotations

import re

from drill.authoring.graph import dot, graph_text, hazard_graph, mermaid
from drill.store.files import bundled_scenarios, load_bundle
from tests.authoring.support import Data, bundle_of, scenario_data


def test_mermaid_of_the_mini_scenario() -> None:
    text = graph_text(bundle_of(scenario_data()), "mermaid", "en")
    assert text.splitlines()[:4] == ["---", "title: Mini flood drill", "---", "stateDiagram-v2"]
    assert '    state "Heavy rain (heavy_rain)" as heavy_rain' in text
    assert "    [*] --> heavy_rain" in text
    assert "    heavy_rain --> receding: rain_stops (auto) · when turn >= 3" in text
    assert text.rstrip().endswith("receding --> [*]")


def test_dot_of_the_mini_scenario_in_chinese() -> None:
    text = graph_text(bundle_of(scenario_data()), "dot", "zh")
    assert text.startswith("digraph hazard {") and text.rstrip().endswith("}")
    assert text.count("{") == text.count("}")
    assert '"heavy_rain" [label="暴雨\\nheavy_rain"];' in text
    assert '"receding" [label="退水\\nreceding", peripheries=2];' in text
    assert '__start__ -> "heavy_rain";' in text
    assert '"heavy_rain" -> "receding" [label="rain_stops (auto) · when turn >= 3"];' in text


def with_more_phases() -> Data:
    data = scenario_data()
    hazard = data["hazard"]
    hazard["phases"].insert(1, {"id": "end", "label": 'The "end": of it'})
    hazard["phases"].insert(2, {"id": "a-b", "label": "Orphan"})
    hazard["transitions"].append(
        {"trigger": "halt", "source": ["heavy_rain", "receding"], "dest": "end", "auto": False}
    )
    hazard["transitions"].append({"trigger": "move_on", "source": "end", "dest": "receding"})
    data["injects"][0]["effects"] = [{"trigger": "halt"}]
    return data


def test_every_compiled_transition_is_an_edge_and_list_sources_expand() -> None:
    graph = hazard_graph(bundle_of(with_more_phases()), "en")
    pairs = {(e.source, e.dest) for e in graph.edges}
    assert pairs == {
        ("heavy_rain", "receding"),
        ("heavy_rain", "end"),
        ("receding", "end"),
        ("end", "receding"),
    }
    assert [n.id for n in graph.nodes if not n.reachable] == ["a-b"]


def test_awkward_ids_and_labels_stay_valid_text() -> None:
    graph = hazard_graph(bundle_of(with_more_phases()), "en")
    text = mermaid(graph)
    assert "as phase_1" in text and "as phase_2" in text  # 'end' and 'a-b' are not ids
    assert "class phase_2 never" in text
    for line in text.splitlines():
        if line.startswith("    state "):
            assert re.fullmatch(r'    state "[^":;#]*" as \w+', line), line
        elif " --> " in line:
            assert re.fullmatch(r"    \S+ --> \S+(: [^:;#\"]+)?", line), line
    dotted = dot(graph)
    assert '"end" [label="The \\"end\\": of it\\nend"];' in dotted
    assert '"a-b" [label="Orphan\\na-b", style="rounded,dashed"];' in dotted


def test_a_transition_that_can_never_fire_is_dashed() -> None:
    data = scenario_data()
    data["hazard"]["transitions"][0]["auto"] = False
    graph = hazard_graph(bundle_of(data), "en")
    assert [e.possible for e in graph.edges] == [False]
    assert "style=dashed" in dot(graph)
    assert "[never]" in mermaid(graph)


def test_every_bundled_scenario_draws_all_its_phases() -> None:
    for path in bundled_scenarios():
        bundle = load_bundle(path)
        text = graph_text(bundle, "mermaid", "zh")
        for phase in bundle.scenario.hazard.phases:
            assert f"({phase.id})" in text
        assert graph_text(bundle, "dot", "en").count(" -> ") >= len(bundle.scenario.hazard.phases)
