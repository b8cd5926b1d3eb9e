"""Sourcing through the real pipeline: grades, relays, interested parties and their config."""

from __future__ import annotations

from pathlib import Path

from audit.config import Config
from audit.model import HARM_CATEGORIES
from audit.pipeline import audit_text


def grades(text: str) -> list[str | None]:
    return [c.grade for c in audit_text(text).claims if c.category in HARM_CATEGORIES]


def messages(text: str, rule: str, config: Config | None = None) -> list[str]:
    return [f.message for f in audit_text(text, config=config or Config()).findings if f.rule == rule]


def test_a_relay_is_one_originator() -> None:
    text = "Yonhap, citing the NIS, said 300 soldiers were killed. The NIS said 300 soldiers were killed."
    assert grades(text) == ["single-source", "single-source"]
    assert len(messages(text, "single-source")) == 1


def test_two_originators_with_one_figure_corroborate() -> None:
    assert grades("Police said 12 people were killed. Hospital officials said 12 people were killed.") == [
        "corroborated",
        "corroborated",
    ]


def test_a_like_figure_for_another_year_is_no_second_source() -> None:
    """Another originator's figure for another year is another quantity: it neither corroborates a
    figure nor lends it a source."""
    text = "Police said 12 climbers died on the peak in 2019. Guides said 12 climbers died there in 2021."
    assert grades(text) == ["single-source", "single-source"]
    text = "Police said 12 climbers died on the peak in 2019. Twelve climbers died there in 2021."
    assert grades(text) == ["single-source", "unattributed"]


_RIVAL_TOLLS = (
    "At least 30 people were killed when a ferry capsized on Lake Orra on Monday, a local aid group said.\n\n"
    "A relief worker said 12 of the dead were children. {body} put the toll at 26, citing the port "
    "authority."
)


def test_another_bodys_toll_in_a_later_paragraph_contests_the_ledes() -> None:
    """A figure given as the toll itself by another originator is a rival count of the lede's toll,
    paragraphs apart; a part of the dead ("12 of the dead") is no rival count; and the two tolls are
    a contested figure, not one figure stated twice."""
    for body in ("The United Nations", "The UN", "A monitoring group"):
        text = _RIVAL_TOLLS.format(body=body)
        assert grades(text) == ["contested", "single-source", "contested"], body
        assert "fail" not in [c.status for c in audit_text(text).checks if c.rule == "restatement"]


def test_unattributed() -> None:
    assert grades("Twelve people were killed in the blast.") == ["unattributed"]


def test_a_belligerent_counting_its_enemy_and_its_own() -> None:
    enemy = messages(
        "Ukraine's military said 1,200 Russian soldiers were killed on Monday.", "interested-party"
    )
    own = messages(
        "Russia's defence ministry said 40 Russian soldiers were killed on Monday.", "interested-party"
    )
    assert len(enemy) == 1 and "enemy's losses" in enemy[0]
    assert len(own) == 1 and "own side's losses" in own[0]


def test_parties_come_from_the_config() -> None:
    text = "The Atlantis army said 50 Borduria soldiers were killed."
    assert messages(text, "interested-party") == []
    config = Config(parties={"atlantis": ["Atlantis"], "borduria": ["Borduria"]})
    found = messages(text, "interested-party", config)
    assert len(found) == 1 and "Atlantis army" in found[0]


def test_the_seed_rests_on_the_nis_alone(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    audit = audit_text(text, path=str(seed_path))
    single = [f for f in audit.findings if f.rule == "single-source"]
    assert len(single) == 1 and len(single[0].claims) == 3
    assert not [f for f in audit.findings if f.rule == "interested-party"]
