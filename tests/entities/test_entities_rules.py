"""One case per rule of the recognizer, on sentences written for these tests."""

from __future__ import annotations

import pytest

from summarize.document import build_document
from summarize.entities import Actor, find_actors


def actors_of(text: str) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(build_document(text))}


def all_surfaces(actors: dict[str, Actor]) -> set[str]:
    return {form for a in actors.values() for form in (a.name, *a.aliases)}


@pytest.mark.parametrize(
    "text",
    [
        "On Sept. 28 the council met again. By Sept. 30 the vote had passed.",
        "The hearing began Tuesday. On Wed. and Thurs. the lawyers argued, and Oct. 4 was set aside.",
        "In May, June and July the reservoir fell. May was the driest month.",
        "The deadline is Nov. 28, and the payout comes on Dec. 15 to shareholders.",
    ],
)
def test_months_and_days_are_not_actors(text: str) -> None:
    surfaces = all_surfaces(actors_of(text))
    for word in ("Sept", "Tuesday", "Wed", "Thurs", "Oct", "May", "June", "July", "Nov", "Dec"):
        assert word not in surfaces


def test_a_month_inside_a_name_is_kept() -> None:
    actors = actors_of("Theresa May said the plan was sound. Prime Minister May later left for the summit.")
    assert actors["Theresa May"].kind == "person"
    assert actors["Theresa May"].count == 2


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Residents of the 4th District objected. The district was split. The 7th District agreed.",
            "District",
        ),
        (
            "The Council met on Monday. Council members argued until dawn, and the Council adjourned.",
            "Council",
        ),
        ("Metro riders complained about delays. Riders said Metro trains were late again.", "Metro"),
        ("Police said two men were held. Police later released them both.", "Police"),
        ("Drivers avoided Route 30. The state refused lanes on Route 44 and Route 30.", "Route"),
    ],
)
def test_a_head_word_alone_is_not_an_actor(text: str, word: str) -> None:
    assert word not in all_surfaces(actors_of(text))


def test_a_sentence_opening_word_written_lowercase_elsewhere_is_not_a_name() -> None:
    text = (
        "The American Heart Association met. Heart failure affects millions. "
        "Doctors say heart failure is rising. Heart disease is the leading cause."
    )
    actors = actors_of(text)
    assert "Heart" not in all_surfaces(actors)
    assert actors["American Heart Association"].kind == "organisation"


def test_headline_names_count_only_if_the_body_uses_them() -> None:
    text = (
        "Police Clear Vessen Square After Fuel Tax Protest\n\n"
        "Police cleared Liberty Square in central Vessen early Sunday. "
        "Officers said life in Vessen was returning to normal."
    )
    actors = actors_of(text)
    assert "Vessen Square" not in actors
    assert "Fuel" not in all_surfaces(actors)
    assert actors["Vessen"].kind == "place"
    assert actors["Vessen"].count == 3  # headline, "in central Vessen", "in Vessen"


def test_a_sentence_full_of_names_is_not_taken_for_a_headline() -> None:
    actors = actors_of(
        "Angela Merkel met Emmanuel Macron in Paris. Merkel said Germany would help. Macron agreed."
    )
    assert set(actors["Angela Merkel"].aliases) == {"Angela Merkel", "Merkel"}
    assert set(actors["Emmanuel Macron"].aliases) == {"Emmanuel Macron", "Macron"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # organisation words and cues
        (
            "Under the plan, the transit agency, Harborview Metro, will hire a director.",
            "Harborview Metro",
            "organisation",
        ),
        ("Analysts at Berrington & Co. estimated a price of $6,500.", "Berrington & Co", "organisation"),
        (
            "Paul Renner of Alder & Finch Research was not convinced.",
            "Alder & Finch Research",
            "organisation",
        ),
        ("Paul Renner of Alder & Finch Research was not convinced.", "Paul Renner", "person"),
        (
            "Dr. Samuel Otieno, a professor at the University of Nairobi, was cautious.",
            "University of Nairobi",
            "organisation",
        ),
        (
            "The forecast was compiled by the research firm FactBridge on Monday.",
            "FactBridge",
            "organisation",
        ),
        (
            "Service was cut, according to NetPulse, a group that monitors connectivity.",
            "NetPulse",
            "organisation",
        ),
        ("Analysts at Morgan Stanley said the deal was weak.", "Morgan Stanley", "organisation"),
        (
            "The protest movement calls itself Open Square. Open Square said it would return.",
            "Open Square",
            "organisation",
        ),
        (
            "Nurses from St. Mary's Medical Center joined the rally.",
            "St. Mary's Medical Center",
            "organisation",
        ),
        (
            "The Kaldorian Helsinki Committee said it had documented 214 detentions.",
            "Kaldorian Helsinki Committee",
            "organisation",
        ),
        # places
        ("Officials warned it could reach the town of Riverton by night.", "Riverton", "place"),
        ("The club will travel to Eastfield needing a win.", "Eastfield", "place"),
        ("It will expand with partners in Taiwan and Arizona next year.", "Arizona", "place"),
        ("Founded in a garage in Sunnyvale, Calif., the company grew fast.", "Sunnyvale", "place"),
        ("Dr. Lena Arkwright works for a London-based rights group.", "London", "place"),
        (
            "Families gathered outside the Central District police station on Harbor Street.",
            "Harbor Street",
            "place",
        ),
        # people
        ("His long pass found winger Sami Korhonen, who cut inside and scored.", "Sami Korhonen", "person"),
        ("Among those celebrating was Eileen Marsh, 83, who had waited decades.", "Eileen Marsh", "person"),
        ("Meeting Chinese counterpart Xi Jinping, the president called for talks.", "Xi Jinping", "person"),
    ],
)
def test_cues_decide_the_kind(text: str, name: str, kind: str) -> None:
    actors = actors_of(text)
    assert name in actors, list(actors)
    assert actors[name].kind == kind


def test_sports_clubs_are_organisations_only_in_sports_stories() -> None:
    sport = (
        "Kestrel City won the cup final with a late goal. The club's manager praised the fans, "
        "and the league said the season had been remarkable. Kestrel had not won since 1954."
    )
    actors = actors_of(sport)
    assert actors["Kestrel City"].kind == "organisation"
    assert set(actors["Kestrel City"].aliases) == {"Kestrel City", "Kestrel"}
    city = "Officials in Kestrel City said the water was safe. Kestrel City has 95,000 residents."
    assert actors_of(city)["Kestrel City"].kind != "organisation"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ('Supporters wore green "Ride Eastline" buttons. The Eastline plan passed.', "Ride Eastline"),
        (
            "About $740 million is expected from the Capital Investment Grants program.",
            "Capital Investment Grants",
        ),
        ("They will expand in Taiwan and Arizona.", "and Arizona"),
        ("Kestrel earned a place in the first European competition in its history.", "European Union"),
    ],
)
def test_capitalised_words_that_are_nobody(text: str, absent: str) -> None:
    actors = actors_of(text)
    assert absent not in actors
    assert all(a.kind != "person" for a in actors.values()), [(a.name, a.kind) for a in actors.values()]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "A study by the Harborview Taxpayers Alliance disputed it. Greg Whitfield, chairman of the "
            "Taxpayers Alliance, said so.",
            "Harborview Taxpayers Alliance",
            "Taxpayers Alliance",
        ),
        (
            "The drug was developed by Cardiora Therapeutics Inc., a biotech company. Cardiora said it would "
            "file for approval.",
            "Cardiora Therapeutics Inc",
            "Cardiora",
        ),
        (
            "According to the California Department of Forestry and Fire Protection, known as Cal Fire, "
            "the blaze grew. Cal Fire said crews held the line.",
            "California Department of Forestry and Fire Protection",
            "Cal Fire",
        ),
        (
            # Another name ending in the same word ("Ridgeback Fire") does not cut "Cal" off as a
            # run-on given name: the article writes "fire" in lowercase too.
            "The Ridgeback Fire burned 300 acres, according to the California Department of Forestry and "
            "Fire Protection, known as Cal Fire. The fire spread. Cal Fire said crews held the line.",
            "California Department of Forestry and Fire Protection",
            "Cal Fire",
        ),
        (
            "The Interior Ministry and the U.S. State Department spoke. The State Department said little.",
            "U.S. State Department",
            "State Department",
        ),
        (
            "Protesters in Kaldoria demanded a vote. Every Kaldorian saw it. "
            "The Kaldorian Helsinki Committee agreed.",
            "Kaldoria",
            "Kaldorian",
        ),
    ],
)
def test_short_forms_join_their_actor(text: str, name: str, alias: str) -> None:
    actors = actors_of(text)
    assert alias in actors[name].aliases, [(a.name, a.aliases) for a in actors.values()]
    assert alias not in actors or alias == name


def test_a_town_that_names_several_institutions_is_a_place() -> None:
    text = (
        "The Harborview City Council voted. Harborview Metro will run the line, and Harborview State "
        "University will study it. If Harborview can deliver this, others will follow."
    )
    actors = actors_of(text)
    assert actors["Harborview"].kind == "place"
    assert actors["Harborview Metro"].kind == "organisation"


def test_mention_offsets_still_point_at_the_text() -> None:
    text = "Nurses from St. Mary's Medical Center and Berrington & Co. analysts met Mr. O'Brien's aides."
    doc = build_document(text)
    for actor in find_actors(doc):
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Growing closer to Beijing, the minister backed the peace plan (Wikimedia Commons). "
            "The minister spoke in Lisbon.",
            "Wikimedia Commons",
        ),
        ("Protesters gathered outside parliament (AP Photo/Jane Doe). Police watched.", "Jane Doe"),
        ("LONDON (Reuters) - Shares fell on Monday as the pound slid.", "Reuters"),
        ("Rome (CNN)Italy is coping with a rise in arrivals. Italy asked for help.", "CNN"),
        ("Rescue crews searched the valley (Getty Images). The rain kept falling.", "Getty Images"),
    ],
)
def test_picture_and_wire_credits_are_not_actors(text: str, absent: str) -> None:
    assert absent not in all_surfaces(actors_of(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A short form in parentheses after a name stays its alias, even a credit word.
        ("Staff at Getty Images (Getty) said the archive was safe. Getty Images reopened.", "Getty"),
        ("Its photographer was safe (Getty Images said on Monday). Getty Images reopened.", "Getty Images"),
    ],
)
def test_credit_words_in_other_roles_still_name_actors(text: str, name: str) -> None:
    assert name in all_surfaces(actors_of(text))


def test_a_shouted_surname_joins_its_person_not_an_organisation() -> None:
    text = (
        "Donald Trump spoke to the anchor on Monday.\nANCHOR: You tweeted it.\n"
        "PRESIDENT DONALD TRUMP: When I put it out, you put it out.\nANCHOR: Why?\n"
        "TRUMP: OK. The NASA budget is fine, and NASA knows it."
    )
    actors = actors_of(text)
    assert "TRUMP" in actors["Donald Trump"].aliases
    assert "TRUMP" not in actors
    assert actors["NASA"].kind == "organisation"  # an acronym that names nobody stays one


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        (
            "Liverpool vice-captain Jordan Henderson thinks his side can win. Henderson said so.",
            "Jordan Henderson",
            None,
        ),
        ("Jordan Pelley, 34, said the vote was close. Jordan and Syria talked.", "Jordan Pelley", "Jordan"),
        ("Chad Johnson caught the ball. Officials in Chad said nothing.", "Chad Johnson", "Chad"),
    ],
)
def test_a_country_that_is_a_given_name_starts_a_persons_name(
    text: str, person: str, country: str | None
) -> None:
    actors = actors_of(text)
    assert actors[person].kind == "person"
    if country is not None:
        assert actors[country].kind == "country"
    assert "Henderson" not in actors and "Pelley" not in actors


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Writer Aaron Sorkin spoke on Monday. Sorkin said the show was over.", "Aaron Sorkin"),
        ("Actress Alyssa Milano posted a video. Milano asked for calm.", "Alyssa Milano"),
    ],
)
def test_an_occupation_before_a_name_is_not_part_of_it(text: str, name: str) -> None:
    actors = actors_of(text)
    assert actors[name].kind == "person"
    assert not any(a.startswith(("Writer", "Actress")) for a in all_surfaces(actors))


def test_a_speaker_named_only_at_sentence_starts_is_found() -> None:
    text = (
        '"Machines will outperform us," Vadri said on Monday.\n'
        "Vadri had a similar message last year. Vadri said leaders must act.\n"
        "Officials said the talk was full. Witnesses said it ran late. Everyone said so.\n"
        "Sen. Mitch McConnell (R - KY) said the framework was sound."
    )
    actors = actors_of(text)
    assert actors["Vadri"].count == 3
    assert not {"Officials", "Witnesses", "Everyone", "KY"} & set(actors)
