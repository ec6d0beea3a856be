import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shipper.event import ShippedEvent, encode_event

pytestmark = pytest.mark.unit


@given(source=st.text(), line=st.text(), offset=st.integers(0, 2**53))
def test_the_fast_encoding_is_exactly_what_json_dumps_writes(source, line, offset):
    event = ShippedEvent(source, "ab" * 16, offset, line, "2024-05-01T10:00:00.123Z")
    expected = json.dumps(event.to_wire(), ensure_ascii=False).encode()
    encoded = encode_event(
        json.dumps(source, ensure_ascii=False), "ab" * 16, offset, line, "2024-05-01T10:00:00.123Z"
    )
    assert encoded == expected
