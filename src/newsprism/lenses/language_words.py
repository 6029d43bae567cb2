"""Word tables of the language lens's use conditions: people, money, buildings, measures, charges and more.

Plain data read by the checks in language_use ("caged the governor" needs _PEOPLE, "destroyed the warehouse"
_STRUCTURES); kept apart so that module holds the parse logic and these lists can grow without crowding it.
"""

from __future__ import annotations

_INSTITUTIONS = frozenset(
    {"hospital", "clinic", "ward", "care", "icu", "unit", "school", "university", "college", "bar", "hospice"}
)
# Objects that make a sound verb a speech verb ("barked orders", "mumbled an apology", "snapped a reply").
_SPEECH_OBJECTS = frozenset(
    {"answer", "apology", "command", "comment", "denial", "excuse", "greeting", "insult", "instruction"}
    | {"order", "question", "remark", "reply", "response", "retort", "statement", "threat", "warning"}
    | {"abuse", "obscenity", "slogan", "thanks", "word"}
)
# Nouns of money, for words loaded only about money ("pocketed a bonus", "a fat salary").
_MONEY_NOUNS = frozenset(
    {"salary", "pay", "payout", "payoff", "pay-off", "bonus", "pension", "fee", "cash", "money", "profit"}
    | {"windfall", "cheque", "paycheck", "paycheque", "handout", "income", "wage", "dividend", "fortune"}
    | {"sum", "perk", "expense", "compensation", "severance", "payment", "reward", "allowance", "subsidy"}
    | {"million", "billion", "m", "bn", "pound", "dollar", "euro", "krone", "kroner"}
)
# Things a fire, storm or blast damages: "destroyed" and "wrecked" of them are plain reporting.
_STRUCTURES = frozenset(
    {
        "home",
        "house",
        "building",
        "warehouse",
        "factory",
        "plant",
        "bridge",
        "road",
        "car",
        "vehicle",
        "truck",
    }
    | {"bus", "boat", "ship", "vessel", "tank", "aircraft", "plane", "helicopter", "crop", "farm", "barn"}
    | {"shop", "store", "school", "hospital", "church", "mosque", "temple", "apartment", "flat", "block"}
    | {
        "tower",
        "dam",
        "wall",
        "roof",
        "village",
        "hut",
        "shelter",
        "depot",
        "office",
        "property",
        "structure",
    }
    | {"dwelling", "cabin", "hangar", "garage", "market", "station", "pier", "jetty", "harbour", "port"}
)
# What a measure pushed through is ("rammed the budget through"), and where it is pushed through.
_MEASURES = frozenset(
    {"bill", "budget", "law", "legislation", "measure", "plan", "reform", "policy", "package", "motion"}
    | {"amendment", "proposal", "deal", "decree", "ordinance", "rule", "change", "tax", "cut", "scheme"}
    | {"treaty", "agreement", "resolution", "vote", "project", "merger", "regulation", "act"}
)
_BODIES = frozenset(
    {"council", "parliament", "congress", "senate", "house", "assembly", "committee", "legislature"}
    | {"chamber", "board", "cabinet", "commons", "lords", "bundestag", "diet"}
)
# Charges one is "slapped with" ("slaps homeowners with a tax hike", "slapped a tariff on imports").
_CHARGES = frozenset(
    {"tax", "levy", "fine", "fee", "tariff", "charge", "surcharge", "penalty", "ban", "duty", "sanction"}
    | {"hike", "rise", "increase", "lawsuit", "suit", "restriction", "toll", "bill", "injunction", "curfew"}
    | {"cap", "rate", "embargo", "sanctions", "order"}
)
# Amounts that "balloon" ("costs ballooned", "the plan balloons spending", "ballooning debt").
_AMOUNTS = _MONEY_NOUNS | frozenset(
    {"cost", "costs", "spending", "spend", "debt", "deficit", "budget", "price", "bill", "payroll"}
    | {"borrowing", "tax", "rent", "fare", "overrun", "number", "figure", "total", "size", "backlog"}
    | {"overtime", "estimate", "loss", "losses", "liability", "premium", "interest"}
)
_ASIDE_OPEN = frozenset({",", "—", "–", "("})
_ASIDE_CLOSE = frozenset({",", "—", "–", ")", ".", "!", "?", ";"})
_QUOTE_MARKS = frozenset("\"“”‘’'«»„")
_PERSONAL_PRONOUNS = frozenset({"i", "you", "he", "she", "we", "they"})
_LARGE_NUMBERS = frozenset({"million", "billion", "trillion", "thousand", "m", "bn", "mn"})
# Nouns for people, for words loaded only of a person ("the bent governor", "caged the mayor").
_PEOPLE = frozenset(
    """
    man men woman women person people official officials politician politicians governor governors
    minister ministers mayor mayors judge judges cop cops copper coppers officer officers policeman
    policemen lawyer lawyers banker bankers councillor councillors councilor president senator senators
    boss bosses businessman businessmen tycoon tycoons executive executives leader leaders chief chiefs
    mp mps deputy deputies director directors chairman chairwoman owner owners landlord landlords
    governor-general ex-governor ex-minister candidate candidates general generals colonel ruler rulers
    king queen prince dictator defendant defendants suspect suspects prisoner prisoners crook crooks
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# What words loaded only of speech describe ("empty promises", "hollow words").
_SPOKEN_NOUNS = frozenset(
    """
    promise promises pledge pledges word words rhetoric talk gesture gestures threat threats slogan
    slogans claim claims boast boasts apology apologies assurance assurances vow vows statement
    statements speech speeches phrase phrases platitude platitudes victory triumph gesture symbolism
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_TALK_VERBS = frozenset({"talk", "speak", "spout", "write", "peddle", "utter", "print", "publish"})
_CLAIM_NOUNS = frozenset(
    {"claim", "allegation", "story", "report", "idea", "argument", "theory", "suggestion", "excuse"}
    | {"defence", "defense", "statement", "charge", "accusation", "notion"}
)
# Spans of time that can be told as wasted ("eight wasted years", "a wasted decade", "wasted his chance").
_TIME_SPANS = frozenset(
    """
    year decade month week day hour minute time term era generation lifetime life career summer winter
    season opportunity chance
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Gatherings whose mood an outlet may assign ("a gloomy party wake", "a glum rally").
_GATHERINGS = frozenset(
    """
    wake gathering meeting rally party celebration event conference congress convention reception
    vigil headquarters camp crowd audience supporters members delegates faithful
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# What "painful" of a decision taken describes ("painful decisions", "the cuts are painful").
_DECISIONS = frozenset(
    """
    decision step measure cut cutback solution reform restructuring
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# People at work, counted or named as a group ("1,200 staff", "the workforce"): people for "cast off".
_WORKFORCE = frozenset(
    """
    staff worker employee workforce family families job jobs colleague colleagues miner miners
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Phrasal verbs whose learned word is loaded alone ("kick the can", "kick and scream") but which are plain
# ("the cuts kick in next year", "the season kicks off"): PTC marks 5 of 7 "kick", BABE 0 of 2 "kick off".
_PLAIN_PHRASAL = frozenset({("kick", "in"), ("kick", "off")})
# What "biased" describes in statistics: a technical property, not a judgement.
_STATISTICAL = frozenset(
    """
    sample estimate estimator coin die dice measurement selection model algorithm data dataset test
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Kinds of rot that are decay of a material ("dry rot", "root rot").
_DECAY_KINDS = frozenset({"dry", "wet", "root", "brown", "white", "soft", "black", "stem", "crown", "foot"})
# Groups and institutions whose "rot" is figurative.
_GROUPS = _BODIES | frozenset(
    """
    government governments party parties police force system administration establishment institution
    institutions ministry department top heart core club team company politics leadership service
    judiciary court courts regime elite elites class union league federation bank state country nation
    society council councils authority authorities army military office offices province region regions
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
# Who seizes lawfully, and what they seize: plain reporting ("police seized the villa").
_AUTHORITIES = frozenset(
    """
    police policeman policemen officer officers customs court courts authority authorities prosecutor
    prosecutors investigator investigators agent agents bailiff bailiffs inspector inspectors detective
    detectives guard guards coastguard regulator regulators taxman marshal marshals sheriff troopers
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
_GOODS = _STRUCTURES | frozenset(
    """
    drug drugs cocaine heroin cannabis weapon weapons gun guns firearm rifle ammunition explosive asset
    property villa mansion yacht car cars document computer phone laptop passport goods shipment cargo
    contraband evidence account accounts fund funds jewellery jewelry painting artwork stock land estate
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
