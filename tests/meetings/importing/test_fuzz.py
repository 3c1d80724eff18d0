"""No input makes the importer crash: it returns a result or refuses with UnreadableDocument."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demo import SEEDS
from meetings.importing import UnreadableDocument, parse_file, parse_text

SEED_LINES = [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text().splitlines()]


def survives(call):
    try:
        result = call()
    except UnreadableDocument as exc:
        assert exc.code and exc.message
        return
    assert isinstance(result["items"], list) and isinstance(result["attendance"], list)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_text(text):
    survives(lambda: parse_text(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(SEED_LINES), max_size=80), st.lists(st.text(max_size=40), max_size=10))
def test_seed_lines_shuffled_and_mixed_with_noise(lines, noise):
    survives(lambda: parse_text("\n".join(lines + noise)))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.odt", "a"]))
def test_arbitrary_bytes(data, name):
    survives(lambda: parse_file(data, name))
