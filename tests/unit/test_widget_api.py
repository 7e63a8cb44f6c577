"""The widgets' Python API documents itself: every synced trait says what it holds."""

import pytest

import widgets


@pytest.mark.parametrize("name", widgets.__all__)
def test_every_synced_trait_documents_itself(name):
    widget_class = getattr(widgets, name)
    own = widget_class.class_own_traits(sync=True)
    assert own and not [trait for trait, value in own.items() if not value.help], name


def test_the_generated_api_table_has_a_row_for_every_synced_trait():
    from widgets.authoring.widget_api import widget_api_markdown

    rows = widget_api_markdown().splitlines()[2:]
    expected = sum(len(getattr(widgets, name).class_own_traits(sync=True)) for name in widgets.__all__)
    assert len(rows) == expected
    assert f"| `Quiz` | `score` | int | {widgets.Quiz.class_traits()['score'].help} |" in rows
