"""The models' base: one set of given field names shared among the models given the same ones."""

from __future__ import annotations


def test_models_given_the_same_fields_share_one_set_of_their_names() -> None:
    from citetrace.models import Evidence, Span

    a, b = Evidence(document="a.txt"), Evidence(document="b.txt", note=None)
    assert a.model_fields_set == {"document"} and b.model_fields_set == {"document", "note"}
    assert a.__pydantic_fields_set__ is Evidence(document="c.txt").__pydantic_fields_set__
    # a copy's update names its own fields; the model copied and the set it shares are untouched
    c = a.model_copy(update={"note": "copied"})
    assert c.model_fields_set == {"document", "note"} and a.model_fields_set == {"document"}
    assert c.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert Span.model_validate_json(Span(text="x", start=0, end=1).model_dump_json()).model_fields_set == {
        "text",
        "start",
        "end",
    }
