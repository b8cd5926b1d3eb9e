"""The extraction stage: figures, bounds, units and what they count, on sentences we wrote."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from audit import extract, load, segment
from audit.extract import units
from audit.extract.vocab import plural_after
from audit.model import Claim
from audit.pipeline import audit_text


def claims(text: str) -> list[Claim]:
    doc = load.from_text(text)
    doc.sentences = segment.segment(doc)
    return extract.extract(doc)


def one(text: str) -> Claim:
    found = claims(text)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


def test_seed_figures(seed_path) -> None:  # type: ignore[no-untyped-def]
    found = claims(seed_path.read_text(encoding="utf-8"))
    got = {(c.value, c.category, c.qualifier) for c in found}
    assert (3000, "casualties", "at_least") in got
    assert (300, "killed", "exact") in got
    assert (2700, "wounded", "exact") in got
    assert (2, "captured", "exact") in got
    assert not any(c.text.lower().startswith(("third", "a third", "20")) for c in found)


@pytest.mark.parametrize(
    "text",
    [
        "Both countries would help if attacked by a third party.",
        "Trump takes office on January 20.",
        "The talks resumed on 20 January 2025.",
        "It happened in 2004 and again in 1999.",
        "He landed at 10:30 a.m. and left at 4pm.",
        "It was the first day of the talks.",
        "Flight 370 vanished over the ocean.",
        "He lives at No. 10 with his family.",
        "An F-16 crashed near the base.",
        "The 9/11 attacks changed everything.",
        "They helped one another at once.",
        "He is one of the best players.",
        "Listen on BBC Radio 4 tomorrow.",
        "Sales were strong in the 1990s.",
        "He told BBC Five Live on Sunday.",
        "The server at 192.168.1.2 failed.",
        "Install version 2.4.1 first.",
        "The film opened between 24 and 26 December.",
        "Talks ran on December 24 and 26.",
        "Watch clip 190118182118648 now.",
        "Shares fell, dragging down the FTSE 100 index.",
    ],
)
def test_not_figures(text: str) -> None:
    assert claims(text) == []


def test_a_number_with_thousands_separators_after_a_name_is_no_label() -> None:
    """ "Radio 4" is a name; "gave Ruiz 212,400 votes" is a count: no label groups its thousands."""
    assert [c.value for c in claims("The final count gave Ruiz 212,400 votes and Obi 171,300.")] == [
        212_400,
        171_300,
    ]


@pytest.mark.parametrize(
    ("headline", "value"),
    [
        ("Court Jails 4 Over Fraud At Port Authority", 4),
        ("Powerful Storm Hits Coast, Kills 10 In Fishing Towns", 10),
    ],
)
def test_a_title_case_headline_keeps_its_figures(headline: str, value: float) -> None:
    """In title case every word is capitalised, so a capitalised word before a number is no name."""
    assert [c.value for c in claims(headline)] == [value]


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier"),
    [
        ("At least 40 people died.", 40, 40, None, "at_least"),
        ("More than 30,000 people were killed.", 30000, 30000, None, "more_than"),
        ("Nearly 100 others were wounded.", 100, None, None, "approx"),
        ("Up to 20,000 people fled.", 20000, None, 20000, "at_most"),
        ("Fewer than 30 soldiers returned.", 30, None, 30, "less_than"),
        ("Between 200 and 300 people attended.", 250, 200, 300, "range"),
        ("Some 200-300 people attended.", 250, 200, 300, "range"),
        ("Dozens of people were hurt.", 24, 24, None, "at_least"),
        ("He had one or two drinks.", 1.5, 1, 2, "range"),
        ("It will cost a maximum of £63 a week.", 63, None, 63, "at_most"),
        ("The toll reached 500 or more.", 500, 500, None, "at_least"),
        ("Less than or equal to 100 people came.", 100, None, 100, "at_most"),
        ("Greater than or equal to 50 people came.", 50, 50, None, "at_least"),
        ("It is 40 or greater.", 40, 40, None, "at_least"),
        ("Nearly half a million people fled.", 500_000, None, None, "approx"),
        ("There could be anywhere from 2,000 to 10,000 fighters.", 6000, 2000, 10000, "range"),
        ("Aftershocks ranged from 3.6 to 4.3 in magnitude.", 3.95, 3.6, 4.3, "range"),
    ],
)
def test_qualifiers_and_bounds(
    text: str, value: float, low: float | None, high: float | None, qualifier: str
) -> None:
    c = one(text)
    assert (c.value, c.low, c.high, c.qualifier) == (value, low, high, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Profits jumped 76% in the quarter.", 76, "percent"),
        ("Turnout rose by 12 per cent this year.", 12, "percent"),
        ("Support fell six percentage points.", 6, "percentage_point"),
        ("Profit was $1.13bn in the quarter.", 1_130_000_000, "USD"),
        ("Profit was £600m in the quarter.", 600_000_000, "GBP"),
        ("The bill was 30bn euros last year.", 30_000_000_000, "EUR"),
        ("The bank lost 3bn rupees in Sri Lanka.", 3_000_000_000, "LKR"),
        ("A stamp costs 4p more.", 0.04, "GBP"),
        ("It costs US$5 million.", 5_000_000, "USD"),
        ("The road runs 320 km to the coast.", 320, "kilometer"),
        ("The wall is 8 metres high.", 8, "meter"),
        ("They waited three hours outside.", 3, "hour"),
        ("The 10-year-old girl survived.", 10, "year"),
        ("Eric Smith, 61, opened fire.", 61, "year"),
        ("Dzhokhar Tsarnaev, now 20, is in prison.", 20, "year"),
        ("The laptop weighs 6.6 pounds.", 6.6, "pound"),
        ("He paid 20 pounds for it.", 20, "GBP"),
        ("The damage was put at 20bn baht.", 20_000_000_000, "THB"),
        ("Aid of 1.5 billion rupiah arrived.", 1_500_000_000, "IDR"),
        ("Bread costs 5 Egyptian pounds.", 5, "EGP"),
        ("Children aged between 5 and 12 were hurt.", 8.5, "year"),
        ("She won the 400m hurdles.", 400, "meter"),
        ("Police arrested 15 Iraqi soldiers.", 15, "people"),
        ("It was -5C overnight.", -5, "degree_Celsius"),
        ("The new plant makes 5 MW of power.", 5, "megawatt"),
        ("Measure an accuracy of 16.25 nanometers.", 16.25, "nanometer"),
        ("Cars drove at 70 mph on the road.", 70, "mile_per_hour"),
        # read off extraction-hunt round 4
        ("Exports reached 31.2 billion U.S. dollars last year.", 31_200_000_000, "USD"),
        ("Lows will reach -18 C by Friday.", -18, "degree_Celsius"),
        ("The ship carried 800,000 pounds of grain.", 800_000, "pound"),
        ("He paid 800 pounds of his own money.", 800, "GBP"),
        ("The club has topped the league for 4 straight years.", 4, "year"),
        # read off extraction-hunt round 5
        ("A 50-kilogramme sack costs more.", 50, "kilogram"),
        ("Traders lost about 9 billion meticais.", 9_000_000_000, "MZN"),
        ("The youngest was a girl of 9.", 9, "year"),
    ],
)
def test_units(text: str, value: float, unit: str) -> None:
    c = one(text)
    assert c.value == pytest.approx(value)
    assert c.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("In Lagos, Nigeria, the kidnappers asked for N50m.", 50_000_000, "NGN"),
        ("Nigerian petrol now sells at N712 per litre.", 712, "NGN"),
        ("The county set aside Sh2.5 billion for relief.", 2_500_000_000, "KES"),
        ("A Ugandan court fined him Sh4 million.", 4_000_000, "UGX"),
        ("Each household gets KSh3,000 a month.", 3000, "KES"),
        ("Philippine farm losses reached P12.6 million.", 12_600_000, "PHP"),
        ("Speeding carries a fine of Dh600.", 600, "AED"),
        ("South Africa's miners lost R2.4 billion in wages.", 2_400_000_000, "ZAR"),
        ("The ministry paid Tk 25 lakh to the families.", 2_500_000, "BDT"),
        ("The province lost Rp 4.2 trillion in exports.", 4_200_000_000_000, "IDR"),
        ("Pakistan's cabinet approved Rs3 billion for the victims.", 3_000_000_000, "PKR"),
        ("The state released Rs 40 crore for repairs.", 400_000_000, "INR"),
    ],
)
def test_currency_abbreviations_written_before_the_number(text: str, value: float, unit: str) -> None:
    """Glued or spaced, an abbreviation before the number is its currency; a country's one ("N", "P",
    "R") only where the document names that country or currency, a shared one ("Sh", "Rs") by it."""
    c = one(text)
    assert (c.value, c.unit, c.kind) == (pytest.approx(value), unit, "money")


@pytest.mark.parametrize("text", ["Nurses asked for N95 masks.", "He filled in a P45 form.", "The R2 rule."])
def test_a_country_letter_before_a_number_is_no_currency_where_the_country_is_not_named(text: str) -> None:
    assert all(c.kind != "money" for c in claims(text))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The blast killed 12 people.", "killed"),
        ("A bomb exploded, killing 12.", "killed"),
        ("At least 12 were dead by nightfall.", "killed"),
        ("The death toll rose to 12 on Sunday.", "killed"),
        ("The raid left 24 others wounded.", "wounded"),
        ("Twelve people were injured in the crash.", "wounded"),
        ("The army suffered 3,000 casualties.", "casualties"),
        ("Five climbers remain missing.", "missing"),
        ("Kyiv captured two soldiers on Sunday.", "captured"),
        ("The floods displaced 20,000 people.", "displaced"),
        ("The quake claimed 150,000 lives.", "killed"),
        ("About 10,000 troops were deployed.", "count"),
        ("The firm has 464,000 subscribers.", "count"),
        ("A vaccine could save six million lives.", "count"),
        ("Crews rescued 40 injured miners.", "wounded"),
        ("Zurana Horton, a mother of 12, was fatally shot.", "other"),
        ("A gunman shot to death one person.", "killed"),
        ("It followed the slaying of seven more demonstrators.", "killed"),
    ],
)
def test_casualty_categories(text: str, category: str) -> None:
    assert one(text).category == category


def test_things_counted_are_no_casualties() -> None:
    found = claims("Police shut down 700 websites and arrested 224 people.")
    assert [(c.value, c.category) for c in found] == [(700, "other"), (224, "captured")]


def test_plain_words_in_the_unit_lexicon_are_no_units() -> None:
    found = claims("The bombs wounded 29 in Kirkuk over the preceding three quarters.")
    assert [c.unit for c in found] == ["people", None]


def test_killed_and_wounded_in_one_sentence() -> None:
    found = claims("Officials said 300 soldiers had been killed and 2,700 others wounded.")
    assert [(c.value, c.category) for c in found] == [(300, "killed"), (2700, "wounded")]


def test_active_verbs_bind_their_own_objects() -> None:
    found = claims("A car bomb killed at least 12 people and wounded 22 others.")
    assert [(c.value, c.category) for c in found] == [(12, "killed"), (22, "wounded")]


def test_a_man_in_a_list_of_people_counts_one() -> None:
    found = claims("The bomb killed two women and a man who were inside.")
    assert [(c.text, c.value, c.category) for c in found] == [("two", 2, "killed"), ("a man", 1, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It followed a fire at a cafe with 12 owners that killed 25 people.",
            [(12, "other"), (25, "killed")],
        ),
        ("A 6.7-strength quake killed more than 26,000 people.", [(6.7, "other"), (26000, "killed")]),
        ("A court indicted two men over the bombing that killed 20 people.", [(2, "count"), (20, "killed")]),
        ("One report said six children were killed.", [(6, "killed")]),
        ("News in Michigan reported that two of the three victims died.", [(2, "killed"), (3, "killed")]),
        (
            "The three workers-two women and a man-were killed.",
            [(3, "killed"), (2, "killed"), (1, "killed")],
        ),
    ],
)
def test_an_active_verb_with_its_own_object_is_not_an_earlier_figure_s_cue(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(c.value, c.category) for c in claims(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Two men, ages 47 and 48, were shot.",
        "Seven children aged from one to 12 were killed.",
        "Pupils between the ages of 16 and 18 left.",
        "The freed hostages, aged 23, 41 and 57, were crewmen.",
        '"The eldest is 15, the youngest is just 9," she said.',
        "Most of the victims were 60 or older.",
    ],
)
def test_the_second_age_of_a_pair_is_an_age(text: str) -> None:
    assert claims(text)[-1].unit == "year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Just over 54 million people use broadband, up from 34 million a year ago.",
            [("people", "count"), ("people", "count")],
        ),
        ("The toll rose to 40 dead, up from 30 on Monday.", [("people", "killed"), ("people", "killed")]),
        ("Inflation was 3%, down from 4.", [("percent", "other"), ("percent", "other")]),
        (
            "436 homes over £1m sold, compared to 469 a year ago.",
            [(None, "other"), ("GBP", "other"), (None, "other")],
        ),
        # a new value after "to", then its old value after "from"
        ("A bag of coal rose to 1,200 afghanis from 800 in May.", [("AFN", "other"), ("AFN", "other")]),
        ("Selling a home took 81 days, and rose to 81 days from 53.", [("day", "other")] * 3),
        ("He moved to 10 Downing Street from 11 in 2019.", [(None, "other"), (None, "other")]),
    ],
)
def test_a_compared_figure_counts_what_its_counterpart_counts(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(c.unit, c.category) for c in claims(text)] == expected


def test_including_children_are_part_of_the_dead() -> None:
    found = claims(
        "Israeli strikes killed 45 Palestinians overnight, including 12 children, the ministry said."
    )
    assert [(c.value, c.category) for c in found] == [(45, "killed"), (12, "killed")]


def test_new_cases_are_no_deaths_and_the_number_of_confirmed_dead_is() -> None:
    found = claims(
        "Officials reported 1,240 new cases and 37 deaths. The number of confirmed dead rose to 63."
    )
    assert [(c.value, c.category) for c in found] == [(1240, "other"), (37, "killed"), (63, "killed")]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("A man aged 71 died in the fire.", 71),
        ("The driver, 45, was arrested at the scene.", 45),
        ("Police said the victim, 19, was a student.", 19),
        ("A pensioner of age 90 was rescued.", 90),
    ],
)
def test_an_age_is_no_head_count_whatever_follows_it(text: str, age: int) -> None:
    """ "aged 71" is an age even before a verb of harm; so is a number between commas after a
    person noun, as after a name."""
    assert [(c.value, c.unit, c.category) for c in claims(text) if c.value == age] == [(age, "year", "other")]


def test_a_count_in_a_list_after_a_person_noun_is_no_age() -> None:
    found = claims("Two soldiers, 12 civilians and a child died.")
    assert [(c.value, c.unit, c.category) for c in found][1] == (12, "people", "killed")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Sales reached 2.4 bln euros.", 2_400_000_000, "EUR"),
        ("The bank set aside 310 mln dollars.", 310_000_000, "USD"),
        ("The loan was 900 million Spanish pesetas.", 900_000_000, "ESP"),
        ("Fares rose to 3,500 lire.", 3_500, "ITL"),
        ("The works cost 12 million Deutsche marks.", 12_000_000, "DEM"),
        ("Savings of 40 million Dutch guilders were found.", 40_000_000, "NLG"),
        ("A 75-cent toll applies.", 0.75, "USD"),
        ("The bank raised rates by 25 basis points.", 0.25, "percentage_point"),
        ("Spreads widened by 40bp.", 0.4, "percentage_point"),
        ("The reservoir holds 2 million cubic metres.", 2_000_000, "meter ** 3"),
        ("The island covers 4,100 km2.", 4_100, "kilometer ** 2"),
        ("The train reached 300 km per hour.", 300, "kilometer_per_hour"),
    ],
)
def test_wire_and_archive_money(text: str, value: float, unit: str) -> None:
    """Wire copy's "bln"/"mln", the currencies the euro replaced, "N-cent" as an adjective, basis
    points read in percentage points as pence are read in pounds, and more spellings of measures."""
    c = one(text)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


def test_children_under_five_is_an_age() -> None:
    assert [(c.value, c.unit) for c in claims("Three were children under five.")][-1] == (5, "year")


def test_millions_of_things_are_no_length() -> None:
    c = one("Donors would buy the first 300m vaccines.")
    assert (c.value, c.unit) == (300_000_000, None)


def test_now_before_a_figure_is_an_age_only_after_a_name() -> None:
    assert one("The toll is now 20, officials said.").unit != "year"
    assert [c.value for c in claims("Prices rose from 4 to 8 dollars.")] == [4, 8]  # a change, no range


def test_one_counts_only_when_it_counts_something() -> None:
    assert [(c.value, c.category) for c in claims("It left one killed and one wounded.")] == [
        (1, "killed"),
        (1, "wounded"),
    ]
    assert claims("He took one approach to it.") == []


def test_cents_scale_the_figure_they_share() -> None:
    assert [c.value for c in claims("Prices rose from 40 to 50 cents.")] == [0.4, 0.5]


def test_part_of_them_inherits_category() -> None:
    found = claims("The blast injured 55 people, five of them critically.")
    assert [c.category for c in found] == ["wounded", "wounded"]


def test_subject_is_the_counted_group() -> None:
    assert one("The strike killed 15 Iraqi soldiers.").subject == "Iraqi soldiers"


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Leave grows from six months to nine.", ["month", "month"]),
        ("The price rose 50% from 4 to 8 dollars.", ["percent", "USD", "USD"]),
    ],
)
def test_joined_figures_share_a_unit(text: str, units: list[str]) -> None:
    assert [c.unit for c in claims(text)] == units


def test_currency_conversion_in_brackets() -> None:
    found = claims("Profit was $10bn (£5.38bn) last year.")
    assert [(c.unit, c.value) for c in found] == [("USD", 1e10), ("GBP", 5.38e9)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_spans_agree_with_source(text: str) -> None:
    doc = load.from_text(text)
    doc.sentences = segment.segment(doc)
    for c in extract.extract(doc):
        assert doc.source[c.start : c.end] == c.text
        assert doc.position(c.start) == (c.line, c.column)
        assert c.start <= c.number_start < c.number_end <= c.end


@given(
    st.integers(min_value=2, max_value=10**7),
    st.sampled_from(["killed", "wounded", "missing"]),
)
def test_any_integer_with_a_cue(n: int, cue: str) -> None:
    c = one(f"Officials said {n:,} people were {cue} in the attack.")
    assert (c.value, c.category, c.unit) == (n, cue, "people")


@pytest.mark.parametrize(
    ("after", "expected"),
    [(" tablets sold", True), (" sprints", False), (" glasses", True), (" buses", True), (" class", False)],
)
def test_plural_after_as_units_reads_it(after: str, expected: bool) -> None:
    """units: millions of things after "5m" (five letters at least; a race is a length)."""
    assert plural_after(after, shortest=5, unless=["sprints"]) is expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (" parcels", True),
        (" further parcels", True),
        (" more than", False),
        (" guards", False),
        (" boss", False),
    ],
)
def test_plural_after_as_counting_reads_it(after: str, expected: bool) -> None:
    """counting: things, not people, after a figure, past a modifier such as "further"."""
    assert plural_after(after, shortest=4, modifiers=["further", "more"], unless=["guards"]) is expected


@given(st.from_regex(r"[a-z]{1,12}", fullmatch=True))
def test_plural_after_skips_a_modifier_and_never_reads_double_s(word: str) -> None:
    plain = plural_after(" " + word, shortest=4, modifiers=["new"])
    assert plural_after(" new " + word, shortest=4, modifiers=["new"]) is plain
    assert not plural_after(f" {word}ss", shortest=3)
    if plural_after(" " + word, shortest=5):
        assert plain


def test_things_after_a_figure_are_counted_in_both_readings() -> None:
    """A million-suffix figure before things is no length; a count before things is no casualty."""
    assert [(c.value, c.unit) for c in claims("The firm shipped 4m tablets last year.")] == [
        (4_000_000, None)
    ]
    found = claims("Couriers lost 90 further parcels and 3 guards were killed.")
    assert [(c.value, c.category) for c in found] == [(90, "other"), (3, "killed")]


# --- spans that are no figures, and number formats read as units and ranges -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "For bookings call 555-010-4477 before Friday.",
        "The hotline, (555) 010-4477, opened on Monday.",
        "Readers abroad can ring +44 20 7946 0958 instead.",
        "Call 555-0199 for tickets.",
        "The order was signed on 2016-03-09 in the capital.",
        "The ruling of 09-03-2016 stands.",
        "The claim was never confirmed.[412]",
        "The first reports came from the coast.[3][4]",
        "The rule is set out on page 12 and pages 14-16 of the report.",
        "See p. 45 and pp. 7-9 of the filing.",
        "Under clause 7 and section 3(b) of the treaty, and Article 5, the parties consult.",
        "The same applies under \u00a7 12 of the code.",
    ],
)
def test_telephone_numbers_dates_citations_and_references_are_no_figures(text: str) -> None:
    assert claims(text) == []


def test_a_bracketed_figure_with_a_unit_is_still_a_figure() -> None:
    assert [c.value for c in claims("It weighed 15 kg [33 lb] at most.")] == [15, 33]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The fund paid Rs 2 crore to the victims.", 20_000_000, "INR"),
        ("The fund paid Rs2 crore to the victims.", 20_000_000, "INR"),
        ("Some 3,00,000 farmers joined the protest.", 300_000, "people"),
        ("Aid agencies sent 3 000 tents to the camp.", 3000, None),
        ("The agency shipped 1\u202f250\u202f000 litres of water.", 1_250_000, "liter"),
        ("Inflation was .08 percent in March.", 0.08, "percent"),
        ("The lake froze at minus 40 Celsius.", -40, "degree_Celsius"),
        ("The pumps failed at 95 fahrenheit.", 95, "degree_Fahrenheit"),
        ("Readings of 38.5 celcius were logged.", 38.5, "degree_Celsius"),
        ("The fare rose to USD115 in June.", 115, "USD"),
        ("The fare rose to 115EUR in June.", 115, "EUR"),
        ("The state owes 1\u202f234\u202f567.89 in all.", 1_234_567.89, None),
        ("The bank lost $-5.2bn in the year.", -5.2e9, "USD"),
        ("Exports fell -3.5% in May.", -3.5, "percent"),
        ("The drought lasted two decades.", 20, "year"),
        ("The dynasty ruled for three centuries.", 300, "year"),
        ("The chips use a sub-7 nanometer process.", 7, "nanometer"),
        ("It has a 1.0l engine.", 1, "liter"),
        ("The engine makes 640bhp at full load.", 640, "horsepower"),
        ("Earnings were 63 cents per share.", 0.63, "USD"),
        ("Winds reached 120 miles an hour.", 120, "mile_per_hour"),
        ("Winds reached 190km/h at the coast.", 190, "kilometer_per_hour"),
    ],
)
def test_number_formats_and_units(text: str, value: float, unit: str | None) -> None:
    c = one(text)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


def test_sub_is_a_bound() -> None:
    c = one("The chips use a sub-7 nanometer process.")
    assert (c.qualifier, c.low, c.high) == ("less_than", None, 7)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The deal was worth $US5m.", "USD"),
        ("The deal was worth US $5m.", "USD"),
        ("The deal was worth US$5m.", "USD"),
        ("The deal was worth $A5m.", "AUD"),
        ("The deal was worth A$5m.", "AUD"),
        ("The deal was worth C$5m.", "CAD"),
        ("The deal was worth NZ$5m.", "NZD"),
        ("The deal was worth NZD$5m.", "NZD"),
    ],
)
def test_currency_prefixes(text: str, unit: str) -> None:
    c = one(text)
    assert (c.value, c.unit, c.text.endswith("5m")) == (5_000_000, unit, True)


def test_a_qualifier_before_a_currency_prefix_bounds_the_figure() -> None:
    c = one("Losses came to more than $US2bn.")
    assert (c.qualifier, c.low, c.unit) == ("more_than", 2e9, "USD")


def test_the_before_a_dollar_sign_is_no_currency_prefix() -> None:
    c = one("It was less than the $27bn asked.")
    assert (c.qualifier, c.text) == ("exact", "$27bn")


def test_a_percent_change_and_its_new_value_are_no_range() -> None:
    found = claims("Sales rose 8% to 4.7m last year.")
    assert [(c.value, c.unit, c.qualifier) for c in found] == [
        (8, "percent", "exact"),
        (4_700_000, None, "exact"),
    ]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Only eight or nine million had been paid out.", 8e6, 9e6),
        ("Between 3 and 4bn was lost.", 3e9, 4e9),
        ("Two to three hundred families fled.", 200, 300),
        ("Between 12 million and 15 million tuned in.", 12e6, 15e6),
        ("Anywhere from 700 to 3 million may be at risk.", 700, 3e6),  # 700 million is more than 3 million
    ],
)
def test_a_range_shares_the_scale_word_of_its_second_number(text: str, low: float, high: float) -> None:
    c = one(text)
    assert (c.qualifier, c.low, c.high) == ("range", low, high)


def test_a_change_by_an_amount_to_a_new_value_is_no_range() -> None:
    """ "grew by 1.4 million to 44.9 million": the amount of change and the new level."""
    found = claims("Subscribers grew by 2.1 million to 30.5 million in May.")
    assert [(c.value, c.qualifier) for c in found] == [(2_100_000, "exact"), (30_500_000, "exact")]


def test_percentages_at_both_ends_are_a_range() -> None:
    c = one("Margins of 8% to 10% were forecast.")
    assert (c.qualifier, c.low, c.high, c.unit) == ("range", 8, 10, "percent")


def test_a_unit_letter_before_digits_is_an_identifier() -> None:
    assert [c.unit for c in claims("The part 24703L202 was replaced.")] == []


def _every_hint(prose: str) -> dict[str, str]:
    """currency_context without its shortcut: every currency word's countries searched for, as
    written or in capitals, the one the prose names first deciding (as `currency_context` decides)."""
    from audit.extract.vocab import currency_words

    hints: dict[str, str] = {}
    for word, entry in currency_words().items():
        if isinstance(entry, dict):
            named = [  # as written or in a dateline's capitals
                (prose.find(form), code)
                for c, code in entry.items()
                if c != "default"
                for form in (c, c.upper())
                if form in prose
            ]
            if named:
                hints.setdefault(word.rstrip("s"), min(named)[1])
    return hints


def _currency_prose() -> st.SearchStrategy[str]:
    from audit.extract.vocab import currency_words

    words = currency_words()
    countries = sorted({c for e in words.values() if isinstance(e, dict) for c in e if c != "default"})
    pieces = st.sampled_from([*words, *(w.upper() for w in words), *countries, "paid", " ", ", ", "Rs"])
    return st.lists(pieces, max_size=12).map(" ".join)


@given(_currency_prose())
@example("seychellois rupee Bhutan Sri Lanka")  # two countries of one word: the first named decides
def test_currency_hints_skip_only_words_the_prose_cannot_hold(prose: str) -> None:
    """currency_context searches for countries only for the currency words the prose holds: every
    word of the prose reads the same currency as with every hint."""
    from audit.extract.vocab import currency_words

    fast, full = units.currency_context(prose), _every_hint(prose)
    for word, entry in currency_words().items():
        if isinstance(entry, dict):
            for written in (word, word.upper(), word.capitalize()):
                if written in prose:
                    assert units._currency_word(written, fast) == units._currency_word(written, full)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Just shy of 300 people died.", "less_than"),
        ("Not quite 300 people died.", "less_than"),
        ("North of 300 people died.", "more_than"),
        ("The best part of 300 people died.", "approx"),
    ],
)
def test_idioms_of_bound_and_estimate(text: str, qualifier: str) -> None:
    from audit.extract import sentence_figures

    assert sentence_figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # a sum or a percentage right after a verb of going beyond is a floor, whatever the subject
        ("School appeal passes £240,000 after late gifts", "more_than"),
        ("Quarterly sales topped $3bn for the first time.", "more_than"),
        ("Turnout crossed 70 per cent in the hill districts.", "more_than"),
        # a count after such a verb is its object, not a floor
        ("The assembly passed 14 bills in its last sitting.", "exact"),
        ("The top 10 firms paid most of the tax.", "exact"),
    ],
)
def test_a_sum_or_share_gone_beyond_is_a_floor(text: str, qualifier: str) -> None:
    from audit.extract import sentence_figures

    assert sentence_figures(text)[0].qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The group documented 19 summary executions.", "killed"),
        ("Police recorded 600 murders last year.", "killed"),
        ("The city had 210 homicides in 2020.", "killed"),
        ("There were 3 attempted murders.", "other"),
        ("Four murder victims were named.", "killed"),
        ("The number of evacuees rose to 45,000.", "displaced"),
        ("The agency puts the number of refugees at 45,000.", "displaced"),
    ],
)
def test_nouns_of_one_harmed_person_and_groups_of_the_harmed(text: str, category: str) -> None:
    """A killing's noun counts the dead, one each ("19 executions"), but not an attempted one; the
    harmed people nouns ("refugees") name a group before a figure as the harm's participles do."""
    assert claims(text)[0].category == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Six people died in the blast. Two more were found on Tuesday.", ["killed", "killed"]),
        ('Nine were hurt in the crash. "We are treating three more," a doctor said.', ["wounded", "wounded"]),
        # its own noun and its own cue: the evacuated are displaced, not more of the dead
        (
            "Six people died in the blast. Around 20 more people had to be led to safety.",
            ["killed", "displaced"],
        ),
        ("Six people died in the blast. Two more than last year.", ["killed", "other"]),
    ],
)
def test_a_bare_number_with_more_adds_to_the_harmed_group_before(text: str, expected: list[str]) -> None:
    assert [c.category for c in claims(text)] == expected


QUALIFIER_HEADS = st.lists(
    st.one_of(
        st.sampled_from(sorted(units.data("numbers")["qualifiers_before"])),
        st.sampled_from(
            ["$", "US$", "$US", "$A", "Rs", "Rs.", "\u00a3", "\u20ac", "NZ", "killed", "the", "\u017fome"]
        ),
        st.text(alphabet="aboutRsUS$ -\n\u017f", max_size=6),
    ),
    max_size=6,
).map(lambda parts: "".join(p + (" " if i % 2 else "") for i, p in enumerate(parts)))


@settings(max_examples=400, deadline=None)
@given(QUALIFIER_HEADS)
@example("aboutRs ")
@example("over $A ")
@example("about US$ ")
@example("some \u00a3")
@example("some $US")
@example("over ſome ")
def test_a_head_ruled_out_ends_in_no_qualifier(head: str) -> None:
    """read_qualifier searches the qualifier pattern only where _may_end_in_a_qualifier allows."""
    before, _, _, _ = units._qualifier_patterns()
    if before.search(head):
        assert units._may_end_in_a_qualifier(head)


def _unit_words() -> list[str]:
    u = units.data("units")
    tables = ("percent", "basis_points", "measures", "currency_words", "currency_codes", "currency_minor")
    return sorted(
        {w for table in tables for w in u[table]} | set(u["currency_symbols"]) | set(u["temperature"])
    )


UNIT_AFTERS = st.lists(
    st.one_of(
        st.sampled_from(_unit_words()),
        st.sampled_from(["of", "deg", "degrees", "°", "º", "C", "F", "people", "killed", "\u017f", "\u212a"]),
        st.text(alphabet="aAcCfFkKmMsS$%-.,1 \n\u00a0\u00b0", max_size=4),
    ),
    max_size=4,
).map(lambda parts: "".join(p + (" " if i % 2 else "") for i, p in enumerate(parts)))


@settings(max_examples=600, deadline=None)
@given(UNIT_AFTERS)
@example(" per cent")
@example("-km")
@example(" - km")
@example("C.")
@example(" Celsius")
@example("degC")
@example(" of rupees")
@example(" \u212aelvin")
@example("\u00b0F")
def test_a_text_after_a_figure_ruled_out_names_no_unit(after: str) -> None:
    """read_unit matches its unit patterns after a figure only where _may_name_a_unit allows."""
    pats = units._unit_patterns()
    names = ("percent", "code_after", "cword", "minor", "minor_word", "measure")
    found = any(pats[name].match(after) for name in names) or units._SYMBOL_AFTER.match(after)
    if found or units._TEMPERATURE.match(after) or units._temperature_unit(after) is not None:
        assert units._may_name_a_unit(after)


@pytest.mark.parametrize("word", _unit_words())
def test_every_unit_word_after_a_figure_may_name_a_unit(word: str) -> None:
    for after in (word, f" {word}", f"-{word}", f" {word.upper()}."):
        assert units._may_name_a_unit(after)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The lamb weighed 3.2 kg at birth and 40 pounds by March.", "pound"),
        ("A 25kg (55 pounds) sack of rice fell from the truck.", "pound"),
        ("Smugglers sold 3 kilograms of silver for 2,000 pounds.", "GBP"),
    ],
)
def test_pounds_weigh_after_a_cue_past_a_decimal_or_in_a_masss_parenthesis(text: str, unit: str) -> None:
    """ "pounds" is money unless the clause weighs (a decimal point ends no clause) or it converts the
    mass just before it in a parenthesis."""
    assert [c.unit for c in claims(text)][-1] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("KAMLOOPS, B.C. - The mill will close.\n\nThe province offered $12 million in aid.", "CAD"),
        ("Floods hit Queensland towns\n\nThe council set aside $3 million for repairs.", "AUD"),
        ("Markets fell in London.\n\nThe deal is worth $3 million.", "USD"),
        ("TORONTO - Shares rose.\n\nThe US$3 million deal closed.", "USD"),
    ],
)
def test_a_bare_dollar_is_the_currency_of_the_place_the_story_opens_in(text: str, unit: str) -> None:
    assert [c.unit for c in claims(text) if c.kind == "money"] == [unit]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("In Malaysia the losses reached RM18mil.", 18_000_000, "MYR"),
        ("The fund holds RM1.57bil.", 1.57e9, "MYR"),
    ],
)
def test_mil_and_bil_are_scales_as_malaysian_copy_writes_them(text: str, value: float, unit: str) -> None:
    c = one(text)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("In Sri Lanka the government paid Rs. 250 million to the families.", "LKR"),
        ("The Yemeni ministry said 40,000 rials was paid to each family.", "YER"),
        ("The RD$2.5 million fund opened in Santo Domingo.", "DOP"),
        ("SUVA, Fiji - The government gave $3 million in relief.", "FJD"),
    ],
)
def test_more_currencies_read_off_the_extraction_hunts(text: str, unit: str) -> None:
    assert [c.unit for c in claims(text) if c.kind == "money"] == [unit]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The court awarded 12 million Iraqi dinars to the widow.", "IQD"),
        ("Tickets cost 900 Kenyan shillings.", "KES"),
        ("Bread now costs 4,000 Somali shillings a loaf.", "SOS"),
        ("BAMAKO, Mali - The ransom was 20 million CFA francs.", "XOF"),
        ("DOUALA, Cameroon - The ransom was 20 million CFA francs.", "XAF"),
        ("TUNIS - Tunisia will pay 2,000 dinars to each farmer.", "TND"),
        ("YEREVAN, Armenia - The fine is 500,000 drams.", "AMD"),
        ("ALMATY, Kazakhstan - Pensions rise to 90,000 tenge.", "KZT"),
    ],
)
def test_currency_names_and_countries_come_from_the_cldr(text: str, unit: str) -> None:
    """A currency's full English name reads it anywhere; a word several currencies share (dinars,
    CFA francs) or one copy writes alone (drams, tenge) reads the currency of the country named."""
    assert [c.unit for c in claims(text) if c.kind == "money"] == [unit]


def test_a_currency_ending_with_no_country_named_is_no_money() -> None:
    """ "lari" is Georgia's: in a story that names no country of it, the number stays bare."""
    assert [c.unit for c in claims("They lent 300 lari to the club.")] == [None]


def test_a_currency_word_that_is_plain_english_is_no_money_on_its_own() -> None:
    """Zimbabwe's currency is "Zimbabwe Gold", but "gold" alone after a number is no money."""
    assert [c.unit for c in claims("HARARE, Zimbabwe - The team won five gold medals.")] == [None]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Aid budget rises\n\nCanada's aid budget will rise by $98 million next year.", "CAD"),
        ("Convoy attacked\n\nOTTAWA - An aid worker was killed.\n\nThe government gave $45 million.", "CAD"),
        (
            "Pension fund buys stake\n\nA French firm sold its stake to a Canadian fund for $4.9 billion.",
            "USD",
        ),
        ("Maize prices\n\nNAIROBI - Maize hit Sh6,500 a bag in Kenya as imports from Uganda slowed.", "KES"),
        ("Sugar prices\n\nKAMPALA - Sugar hit Sh6,500 a kilo in Uganda as imports from Kenya slowed.", "UGX"),
    ],
)
def test_the_story_s_own_country_picks_its_currency(text: str, unit: str) -> None:
    """A dollar or shilling is the currency of the country the story is set in: its dateline in
    capitals, the country owning what the story is about, or the first of several countries named;
    a nationality alone ("a Canadian fund") is not enough."""
    from audit.pipeline import audit_text

    money = [c for c in audit_text(text).claims if c.unit not in (None, "people")]
    assert money[-1].unit == unit


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # pounds converted to a mass in the parenthesis after them weigh; converted to money they pay
        ("Customs found 66 pounds (30 kilograms) of heroin.", ["pound", "kilogram"]),
        ("The fine was 40 pounds (about 50 dollars).", ["GBP", "USD"]),
    ],
)
def test_pounds_take_the_dimension_of_their_conversion(text: str, units: list[str]) -> None:
    assert [f.unit for f in extract.sentence_figures(text)] == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        # a story's bare pounds are those it named in full first
        ("A goat sold for 90,000 Sudanese pounds in May; it now fetches 160,000 pounds.", ["SDG", "SDG"]),
        ("The ticket cost 40 pounds.", ["GBP"]),
        # a dateline's city decides the rupee
        ("KARACHI: The court fined each of them Rs25,000.", ["PKR"]),
        ("MUMBAI: The court fined each of them Rs25,000.", ["INR"]),
    ],
)
def test_the_story_decides_its_currency(text: str, units: list[str]) -> None:
    assert [c.unit for c in audit_text(text).claims] == units


@pytest.mark.parametrize(
    "text",
    [
        "The number of nurses on the ward fell from 48 in 2022 to 39.",
        "Average rents rose from $1,200 last year to 1,450.",
    ],
)
def test_a_bare_new_value_after_to_counts_what_the_old_value_counts(text: str) -> None:
    found = claims(text)
    assert [c.unit for c in found] == [found[0].unit] * 2
    assert found[0].unit is not None


def test_reais_are_brazilian_money() -> None:
    found = claims("The miner will pay 2.4 billion reais to families who lost their homes.")
    assert [(c.text, c.unit) for c in found] == [("2.4 billion reais", "BRL")]


def test_a_clause_of_another_subject_keeps_a_count_from_a_toll_noun_before_it() -> None:
    found = claims("Health officials report 9 more deaths as cases pass 2,000.")
    assert [(c.text, c.category) for c in found] == [("9", "killed"), ("2,000", "other")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Eastern Caribbean dollar, not a Canadian "C$" read inside "EC$"
        ("Farmers lost EC$12 million (US$4.4 million) to the ash.", [("XCD", "other"), ("USD", "other")]),
        # head-counts of people by what they do or are
        ("Port health officers screened more than 150,000 travellers.", [("people", "count")]),
        ("About 1.6 million seniors receive the supplement.", [("people", "count")]),
    ],
)
def test_currency_and_people_nouns_read_off_extraction_round_ten(text: str, expected: list) -> None:
    assert [(c.unit, c.category) for c in claims(text)] == expected
