"""Regression guard on the development gold set (tests/gold/): scores may rise, never quietly fall.

The figures in the closing notes come from `python tests/scoring.py`; the floors here sit a little
below them so that a change that makes extraction worse fails the suite.
"""
from __future__ import annotations

import json

import pytest

import calibrate
import scoring


@pytest.fixture(scope="module")
def gold_build(tmp_path_factory, extractor):
    if not all(p.is_file() for p in scoring.gold_paths(scoring.gold_docs())):
        pytest.skip("gold documents not found under ../shared/corpus")
    out = scoring.build_gold(tmp_path_factory.mktemp("gold"), extractor=extractor)
    return out, scoring.score(out, scoring.gold_docs())


@pytest.fixture(scope="module")
def scores(gold_build):
    return gold_build[1]


def test_rule_precision_table_is_current(gold_build):
    # confidences are the rules' precision on this gold: a rule or gold change without
    # `python tests/calibrate.py` would leave them describing other rules
    out, s = gold_build
    assert calibrate.TABLE.read_text("utf-8") == calibrate.table_text(calibrate.rule_counts(out, s)), \
        "extract/data/rule_precision.jsonl is stale: run python tests/calibrate.py"


def test_confidence_tracks_precision(gold_build):
    # measured confidences rank relations: those at 0.8 or more are right more often than the rest
    out, s = gold_build
    best: dict[tuple[str, str], float] = {}
    for line in (out / "relations.jsonl").read_text("utf-8").splitlines():
        r = json.loads(line)
        for ev in r["evidence"]:
            if not ev["negated"]:
                best[ev["doc"], r["id"]] = max(best.get((ev["doc"], r["id"]), 0.0), ev["confidence"])
    high = [right for doc, rid, right in s.judged if best[doc, rid] >= 0.8]
    low = [right for doc, rid, right in s.judged if best[doc, rid] < 0.8]
    assert high and low and sum(high) / len(high) > sum(low) / len(low) + 0.1, (len(high), len(low))


def test_gold_set_is_big_enough():
    docs = scoring.gold_docs()
    assert len(docs) >= 479
    assert sum(len(d["entities"]) for d in docs) >= 9500
    assert sum(len(d["relations"]) for d in docs) >= 3850


def test_entity_scores(scores):
    total = scores.total(scores.entities)
    # 0.880 on 51 documents; check sets 11 and 12 (US politics and its press: "House", "Senate",
    # "Russiagate" read as organisations) brought it to 0.873 on 55 and 0.865 on 59
    assert total.f1 >= 0.87, scoring.table("entities", scores.entities, total)
    # MediaOutlet has been 0.92-0.93 on up to 47 documents; check set 10 brought outlets the
    # gazetteer does not know (0.917 on 51 documents)
    # (0.895 on 59: check set 12 brought outlets and sites the gazetteer does not know)
    # Group 0.92-0.93 on up to 59 documents; check set 13 (a jihadism listicle whose headings and
    # concepts the model reads as groups) brought it to 0.916 on 67
    # check sets 15 and 16 (a CIA history, an ISIS convert, Buchanan on the GOP; a Holocaust-denial
    # exposé whose sites and slogans the model reads as groups and outlets) brought Group to 0.898
    # and MediaOutlet to 0.897 on 75; check sets 17 and 18 (activist groups, a party the model
    # calls an organisation) joined with Group at 0.881 on 83; check set 19 (student and boycott
    # movements) brought it to 0.866 on 87; 0.884 on 127 with check set 26; 0.860 on 287 with checks 45 and 46
    # (a quoted "The New Right", Fidesz by its full name), 0.863 once the gazetteer knew that name; 0.858
    # with checks 47 and 48 ("Democrat support", the ERG), 0.863 with those party nouns and the ERG; 0.861
    # on 319 with checks 49 and 50, 0.872 with "Dems", "Tory government" and "Democratic chairs"; 0.872 on
    # 335 with checks 51 and 52, 0.877 with "is a Republican", "the only Republican" and "Republican president";
    # entities 0.885 and MediaOutlet 0.915 on 351 with checks 53 and 54 (programmes, call signs, postal codes);
    # 0.884 on 367 with checks 55 and 56 (entity F1 0.77 and 0.88 on arrival: a list of bishops, Catholic sites);
    # 0.882 on 391 with checks 57 to 59 (0.86, 0.84 and 0.77 on arrival: bloggers' groups, student movements);
    # 0.882 on 407 with checks 60 and 61 (0.80 and 0.86 on arrival: dioceses, bishops' given names, ICE)
    # 0.884 on 423 with checks 62 and 63 (0.89 and 0.86 on arrival) and 216 more given names
    # 0.883 on 431 with check 64 (0.81 on arrival); 0.883 on 447 with checks 65 and 66 (0.88 and 0.84 on arrival);
    # 0.886 (MediaOutlet 0.925) with 21 more outlets in the gazetteer; 0.883 on 463 with checks 67 and 68
    # (0.75 and 0.85 on arrival: long texts on the Church, Brexit and Farrakhan); 0.886 with events and streets
    # named after places, listed towns and a vote's camps; 0.884 on 479 with checks 69 and 70 (0.85 and 0.84 on
    # arrival: Assange's defenders, FrontPage, Dina Powell, the Irish border); 0.885 with county parties,
    # committees named short in their own text and Brexit camps before names
    for typ, floor in (("Group", 0.86), ("State", 0.92), ("MediaOutlet", 0.88)):
        assert scores.entities[typ].f1 >= floor, (typ, scores.entities[typ].row())


def test_relation_scores(scores):
    total = scores.total(scores.relations)
    # precision 0.82 on 67 documents; 0.809 with the broader rules of the next session (an actor
    # acting in a place, mutual roles); check sets 15 and 16 joined at 0.791 on 75; 0.797 on 83; 0.802 on 87;
    # 0.826 on 87 after the recall rules of the next session; 0.821 on 91 with check set 20, 0.827 since;
    # 0.841 on 103 after two audits of predictions on unseen text; 0.841 on 111 with check set 24;
    # 0.844 on 119 with check set 25 (precision 0.950 on arrival); 0.837 with the recall rules of the
    # next session; check set 26 (precision 0.619 on arrival) joined at 0.831 on 127; check set 27
    # (precision 0.804 on arrival) joined at 0.829 on 135; check set 28 (precision 0.826 on arrival)
    # joined at 0.830 on 143; 0.832 after dropping inspectors general as offices; check set 29
    # (precision 0.632 on arrival) joined at 0.830 on 151; 0.831 with the campaign and police rules; check
    # set 30 (precision 0.500 on arrival) joined at 0.825 on 159; 0.828 with the outlet list; check set 31
    # (precision 0.706 on arrival) joined at 0.825 on 167; check set 32 (precision 0.619 on arrival) joined
    # at 0.822 on 175; check set 33 (precision 0.583 on arrival) joined at 0.820 on 183; 0.823 once an
    # 'anti-X' leaning stopped counting as an accusation; check set 34 (precision 0.808 on arrival) joined
    # at 0.824 on 191; check set 35 (precision 0.950 on arrival) joined at 0.826 on 199; check set 36
    # (precision 0.722 on arrival) joined at 0.825 on 207; 0.827 with plain quotes for the model; checks 37
    # to 40 (precision 0.68, 0.79, 0.82, 0.62 on arrival) joined at 0.823 on 239; checks 41 and 42
    # (precision 0.71 and 0.63 on arrival) joined at 0.815 on 255; checks 43 and 44 (0.79 and 0.65 on
    # arrival) joined at 0.812 on 271; checks 45 and 46 (0.67 and 0.80 on arrival) joined at 0.810 on 287;
    # checks 47 and 48 (0.75 and 0.67 on arrival) joined at 0.811 on 303; checks 49 and 50 (0.85 and 0.68
    # on arrival) joined at 0.811 on 319; checks 51 and 52 (0.83 and 0.76 on arrival) joined at 0.811 on 335;
    # checks 53 and 54 (0.82 and 0.77 on arrival) joined at 0.811 on 351; checks 55 and 56 (0.76 and 0.91 on
    # arrival) joined at 0.812 on 367; checks 57 to 59 (0.59, 0.74 and 0.56 on arrival) joined at 0.810 on 391;
    # checks 60 and 61 (0.54 and 0.73 on arrival) joined at 0.810 on 407; checks 62 and 63 (0.84 and 0.68 on
    # arrival) joined at 0.811 on 423; check 64 (0.84 on arrival) joined at 0.812 on 431; checks 65 and 66
    # (0.90 and 0.93 on arrival) joined at 0.816 on 447; 0.814 with 21 more outlets; checks 67 and 68 (0.87 and
    # 0.90 on arrival) joined at 0.816 on 463; 0.819 when "according to" skips the names in a person's title;
    # checks 69 and 70 (0.72 and 0.78 on arrival) joined at 0.818 on 479 (the session's start code); 0.824 once
    # praise of a state's record stopped counting as support and committees named short joined their text's
    # committee, and with journalists' outlets reporting what they report
    assert total.precision >= 0.80, scoring.table("relations", scores.relations, total)
    # F1 0.505 on 59 documents; check sets 13 and 14 (relation F1 0.17 and 0.30 on arrival) joined
    # at 0.496, and the rules since give 0.499 on 67, then 0.534 on 67; check sets 15 and 16
    # (0.34 and 0.28 on arrival) joined at 0.525 on 75; 0.545 on 75 with the conflict rules of the
    # next session, and check sets 17 and 18 (0.12 and 0.37 on arrival) joined at 0.538 on 83;
    # 0.545 on 83 with later rules, and check set 19 (0.39 on arrival) joined at 0.541 on 87;
    # 0.551 once the gold dropped the relations the type constraints rule out (the LOCATED_IN
    # of organisations' addresses, CONTROLS of a state, REPORTS_ON by an organisation); 0.608 on 87 with
    # names found again, members, titles and places of the next session; check set 20 (0.35 on arrival)
    # joined at 0.592, 0.602 with the rules since (a surname read in its own text); 0.610 on the 87;
    # check set 21 (0.375 on arrival; wire datelines, photo credits, European parties) joined at 0.602 on 95;
    # check set 22 (0.196 on arrival: British politics, the Gulf of Tonkin) joined at 0.598 on 99;
    # 0.601 with the precision rules of two audits of unseen text; check set 23 (0.489 on arrival,
    # precision 0.846) joined at 0.599 on 103; 0.602 with the threat, name and title rules since;
    # 0.607 on 103 with platforms, towns, outlets and the apposition rules of the next session; check
    # set 24 (eight texts, 0.462 on arrival, precision 0.706) joined at 0.604 on 111; check set 25
    # (eight texts, 0.447 on arrival, precision 0.950) joined at 0.599 on 119; 0.609 with the work,
    # list, label, "obtained by" and title rules of the next session; check set 26 (eight texts, 0.310
    # on arrival) joined at 0.600 on 127; check set 27 (eight texts, 0.569 on arrival) joined at
    # 0.599 on 135; check set 28 (eight texts, 0.535 on arrival) joined at 0.599 on 143; check set 29
    # (eight texts, 0.375 on arrival: police shootings, Kavanaugh) joined at 0.596 on 151; check set 30
    # (0.426 on arrival: Manafort and Assange, Ellison, the caravan) joined at 0.596 on 159; 0.605 with
    # the House, outlet and anonymous-source rules; check set 31 (0.358 on arrival: Franken's accusers,
    # the Yellow Vests) joined at 0.600 on 167; check set 32 (0.292 on arrival: an ICE operation's towns,
    # seven Labour MPs) joined at 0.592 on 175; check set 33 (0.389 on arrival: Brexit, Florida's
    # election documents, an ICE raid warning) joined at 0.590 on 183; check set 34 (0.592 on arrival:
    # Bill Clinton's interview, Brexit, a plague) joined at 0.592 on 191; check set 35 (0.667 on arrival:
    # Georgia's and Florida's elections, Orban) joined at 0.596 on 199; check set 36 (0.464 on arrival:
    # cable hosts on Mueller, a Dallas officer) joined at 0.594 on 207; 0.598 with copular member lists;
    # 0.601 with plain quotes and outlets told in statements; checks 37 to 40 (0.41, 0.50, 0.52, 0.29 on
    # arrival: Brexit MPs, Mueller explainers, CNN's lawsuit, ICE arrests, Ebola) joined at 0.592 on 239,
    # 0.593 with parties in brackets; checks 41 and 42 (0.35 and 0.41 on arrival) joined at 0.583 on 255,
    # 0.586 with datelines and reports that cover both clauses; checks 43 and 44 (0.57 and 0.61 on arrival:
    # the Mueller report, Farrakhan, Florida's and Georgia's elections) joined at 0.587 on 271; 0.589 with places
    # that include others, a party's top member on a committee and a body's department; checks 45 and 46
    # (0.46 and 0.46 on arrival: Orbán, Haspel, Las Vegas audio, ICE in Texas) joined at 0.584 on 287, 0.586
    # with names after titles, datelines in capitals and Fidesz's full name, 0.593 with "following cities:" lists;
    # checks 47 and 48 (0.58 and 0.44 on arrival) joined at 0.591 on 303, 0.592 with more party nouns
    # checks 49 and 50 (0.46 and 0.42 on arrival: the Vatican, Ebola, Brexit, CNN on Mueller) joined at 0.587 on 319;
    # checks 51 and 52 (0.52 and 0.55 on arrival: Clinton on Lewinsky, Spygate, MI6 on Brexit, Acosta) joined at 0.586 on 335;
    # 0.598 with postal codes, programmes, call signs and "working with"; checks 53 and 54 (0.48 and 0.45 on
    # arrival, 0.54 and 0.46 after that session's rules) joined at 0.595 on 351; checks 55 and 56 (0.49 and 0.48
    # on arrival) joined at 0.593 on 367, 0.595 with that session's rules; checks 57 to 59 (0.35, 0.54 and 0.30
    # on arrival: bloggers banned from Britain, Cardinal Burke, Dina Powell, the McGill report, a sunless Sun)
    # joined at 0.589 on 391; checks 60 and 61 (0.24 and 0.51 on arrival: Austrian dioceses, Ellison's accusers,
    # House committees' chairs, Ebola towns) joined at 0.592 on 407 with party tags (D-NY) in the gold and the rules;
    # 0.595 with allegations, roles in relative clauses, experts' fields and state parties; 0.597 with copula
    # parties, long lists, "as Chair of" after an infinitive and body nouns' relative clauses
    # checks 62 and 63 (0.43 and 0.38 on arrival; 0.45 and 0.38 blind at the end of their first session)
    # joined at 0.595 on 423; 0.597 with agents in places, venues reporting on their speakers, "lashes back at"
    # and labels of what someone owns ("characterized CNN's coverage as fake news")
    # check 64 (0.49 on arrival, 0.52 after that session's last rules) joined at 0.596 on 431; 0.600 with
    # outlets' reports and analyses, undefined acronyms, "Fox" and journalists spoken with; checks 65 and 66
    # (0.58 and 0.50 on arrival, the same blind at the end of their first session) joined at 0.600 on 447;
    # 0.602 with 21 more outlets in the gazetteer; checks 67 and 68 (0.52 and 0.51 on arrival, the same blind at
    # the end of their first session) joined at 0.609 on 463 with the rules read from their misses and comma
    # party tags in the gold; 0.611 with listed towns and counties before their office holders; 0.612 with
    # believed and recalled misdeeds; checks 69 and 70 (0.37 and 0.45 on arrival, the same blind at the end
    # of their first session but one relation) joined at 0.604 on 479 (the session's start code); 0.610 with
    # the rules read from their misses (acting together, standing up for, "part of", ties and fronts,
    # journalists an outlet owns) and founders
    assert total.f1 >= 0.58, scoring.table("relations", scores.relations, total)
