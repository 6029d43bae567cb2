"""The English check must pass ordinary English news and catch other languages and scripts."""

from __future__ import annotations

import pytest

from newsprism.normalise import guess_language

ENGLISH = (
    "Dock workers at the Port of Kessla returned to work on Thursday after their union accepted a pay offer "
    "that ends a nine-day strike, the port authority said. The agreement raises wages by 6.5% over two "
    "years, according to a statement from the union, which represents about 3,200 workers. Shipping agents "
    "said more than forty vessels were still waiting to unload, and that it could take a week to clear them."
)
# Names-heavy English with few function words is still English.
ENGLISH_TERSE = (
    "Kessla Port Authority chairman Otto Brandt, union leader Tomas Vindel, Mayor Elena Brask, chamber "
    "president Mirela Dask: key players. Deal signed Thursday. Wages up 6.5%. Ships waiting: 40. Full "
    "operations resume Monday, authority says. Backlog clearance expected within a week, agents say. "
    "Von der Leyen, Le Pen and De Gaulle airport mentioned in passing by the port spokesman."
)
SPANISH = (
    "Los trabajadores del puerto de Kessla volvieron al trabajo el jueves después de que su sindicato "
    "aceptara una oferta salarial que pone fin a una huelga de nueve días, según dijo la autoridad "
    "portuaria. El acuerdo sube los salarios un 6,5% en dos años, según un comunicado del sindicato, que "
    "representa a unos 3.200 trabajadores. Los agentes navieros dijeron que más de cuarenta barcos "
    "seguían esperando para descargar."
)
FRENCH = (
    "Les dockers du port de Kessla ont repris le travail jeudi après que leur syndicat a accepté une offre "
    "salariale qui met fin à une grève de neuf jours, selon l'autorité portuaire. L'accord augmente les "
    "salaires de 6,5 % sur deux ans, selon un communiqué du syndicat, qui représente environ 3 200 "
    "travailleurs. Les agents maritimes ont dit que plus de quarante navires attendaient encore dans la rade."
)
GERMAN = (
    "Die Hafenarbeiter im Hafen von Kessla haben am Donnerstag die Arbeit wieder aufgenommen, nachdem ihre "
    "Gewerkschaft ein Lohnangebot angenommen hatte, das einen neuntägigen Streik beendet, wie die "
    "Hafenbehörde mitteilte. Die Einigung erhöht die Löhne über zwei Jahre um 6,5 Prozent, heißt es in "
    "einer Erklärung der Gewerkschaft, die etwa 3200 Arbeiter vertritt. Mehr als vierzig Schiffe warten "
    "noch auf die Entladung."
)
ITALIAN = (
    "I lavoratori del porto di Kessla sono tornati al lavoro giovedì dopo che il loro sindacato ha "
    "accettato un'offerta salariale che mette fine a uno sciopero di nove giorni, secondo l'autorità "
    "portuale. L'accordo aumenta i salari del 6,5% in due anni, secondo una nota del sindacato, che "
    "rappresenta circa 3.200 lavoratori. Più di quaranta navi sono ancora in attesa di scaricare."
)
PORTUGUESE = (
    "Os estivadores do porto de Kessla voltaram ao trabalho na quinta-feira depois que o sindicato aceitou "
    "uma proposta salarial que põe fim a uma greve de nove dias, disse a autoridade portuária. O acordo "
    "aumenta os salários em 6,5% em dois anos, segundo um comunicado do sindicato, que representa cerca "
    "de 3.200 trabalhadores. Mais de quarenta navios ainda esperam para descarregar, disseram os agentes."
)
DUTCH = (
    "De havenarbeiders in de haven van Kessla zijn donderdag weer aan het werk gegaan nadat hun vakbond "
    "een loonbod had aanvaard dat een einde maakt aan een staking van negen dagen, zei de havenautoriteit. "
    "Het akkoord verhoogt de lonen met 6,5 procent over twee jaar, volgens een verklaring van de vakbond, "
    "die ongeveer 3200 werknemers vertegenwoordigt. Meer dan veertig schepen wachten nog."
)
RUSSIAN = (
    "Докеры порта Кессла в четверг вернулись к работе после того, как их профсоюз принял предложение "
    "о повышении зарплаты, которое завершает девятидневную забастовку, сообщили в администрации порта."
)
CHINESE = "凯斯拉港的码头工人在工会接受加薪提议后于周四复工，结束了为期九天的罢工，港务局表示。"
JAPANESE = "ケスラ港の港湾労働者は、組合が賃上げ案を受け入れたことを受けて木曜日に仕事に戻った。"
ARABIC = "عاد عمال الرصيف في ميناء كيسلا إلى العمل يوم الخميس بعد أن قبلت نقابتهم عرضا للأجور."
GREEK = "Οι λιμενεργάτες στο λιμάνι της Κέσλα επέστρεψαν στη δουλειά την Πέμπτη μετά από συμφωνία."


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_TERSE, ENGLISH[:120], "Port strike ends after nine days"])
def test_english_passes(text: str) -> None:
    guess = guess_language(text)
    assert guess.english, guess
    assert guess.code == "en"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (SPANISH, "es"),
        (FRENCH, "fr"),
        (GERMAN, "de"),
        (ITALIAN, "it"),
        (PORTUGUESE, "pt"),
        (DUTCH, "nl"),
        (RUSSIAN, "ru"),
        (CHINESE, "zh"),
        (JAPANESE, "ja"),
        (ARABIC, "ar"),
        (GREEK, "el"),
    ],
)
def test_other_languages_are_named(text: str, code: str) -> None:
    guess = guess_language(text)
    assert not guess.english
    assert guess.code == code
    assert guess.name and guess.name != code


def test_short_foreign_text_is_caught_when_clear() -> None:
    assert not guess_language("Los trabajadores del puerto dijeron que la huelga terminó").english


def test_english_article_quoting_a_foreign_phrase_stays_english() -> None:
    text = (
        ENGLISH
        + " Protesters chanted \u00ab la lutte continue \u00bb and \u201cno pasarán\u201d outside the gates."
    )
    assert guess_language(text).english


@pytest.mark.parametrize(
    "text",
    [
        # Indonesian, Turkish, Polish: Latin script, languages without a function-word list
        "Para pekerja pelabuhan di Kessla kembali bekerja pada hari Kamis setelah serikat mereka menerima "
        "tawaran gaji yang mengakhiri pemogokan selama sembilan hari, kata otoritas pelabuhan. Kesepakatan "
        "itu menaikkan upah sebesar enam persen dalam dua tahun, menurut pernyataan serikat pekerja.",
        "Kessla Limanı'ndaki liman işçileri, sendikalarının dokuz günlük grevi sona erdiren ücret teklifini "
        "kabul etmesinin ardından Perşembe günü işbaşı yaptı, liman idaresi açıkladı. Anlaşma ücretleri iki "
        "yılda yüzde altı buçuk artırıyor, sendika yaklaşık üç bin iki yüz işçiyi temsil ediyor.",
        "Dokerzy w porcie Kessla wrócili do pracy w czwartek po tym, jak ich związek przyjął ofertę płacową "
        "kończącą dziewięciodniowy strajk, poinformował zarząd portu. Porozumienie podnosi płace o sześć "
        "i pół procent w ciągu dwóch lat, a związek reprezentuje około trzech tysięcy dwustu pracowników.",
    ],
)
def test_unlisted_latin_script_languages_are_not_english(text: str) -> None:
    guess = guess_language(text)
    assert not guess.english
    assert guess.code == "und"


def test_no_letters_is_not_english() -> None:
    guess = guess_language("12345 67890 ... !!! ???")
    assert not guess.english
    assert guess.code == "und"
