"""What changes for visitors between two datasets: each kind of change reported once, by id and name."""

import dataclasses
import json
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.model.changes import ADDED, CHANGED, REMOVED, REORDERED, TEXT, compare
from kiosk.model.dataset import Dataset, Record, Text
from kiosk.model.formatting import format_figure
from kiosk.model.loader import parse_dataset
from kiosk.resources import data_path


def only(changes):
    """The one change; fails listing all of them if there are more or none."""
    assert len(changes) == 1, changes.lines()
    return changes.items[0]


def with_figure(dataset: Dataset, index: int, **fields) -> Dataset:
    figures = list(dataset.figures)
    figures[index] = replace(figures[index], **fields)
    return replace(dataset, figures=tuple(figures))


def with_tab(dataset: Dataset, index: int, **fields) -> Dataset:
    views = list(dataset.views)
    views[index] = replace(views[index], **fields)
    return replace(dataset, views=tuple(views))


def test_identical_datasets_report_no_change(dataset):
    again = parse_dataset(data_path().read_bytes(), Path("again.json"), remember=False)
    assert again is not dataset
    changes = compare(dataset, again)
    assert not changes and changes.lines() == [] and changes.summary == "no change"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_new_value_is_reported_once_as_visitors_read_it(dataset, language):
    figure = dataset.figures[0]
    new = with_figure(dataset, 0, value=figure.value * 2)
    change = only(compare(dataset, new, language))
    assert (change.kind, change.noun, change.field) == (CHANGED, "figure", "value")
    assert (change.old, change.new) == (format_figure(figure, dataset, language),
                                        format_figure(new.figures[0], new, language))
    assert figure.id in change.item and figure.label[language] in change.item
    assert change.old in str(change) and change.new in str(change)


def test_a_new_qualifier_is_the_value_changing(dataset):
    index = next(i for i, f in enumerate(dataset.figures) if f.qualifier is None)
    new = with_figure(dataset, index, qualifier="about")
    change = only(compare(dataset, new))
    assert change.field == "value"
    assert (change.old, change.new) == (format_figure(dataset.figures[index], dataset, "en"),
                                        format_figure(new.figures[index], new, "en"))
    assert change.old != change.new


def test_a_new_year_and_a_new_source(dataset):
    figure = dataset.figures[0]
    other = next(s for s in dataset.sources if s.id != figure.source)
    year = only(compare(dataset, with_figure(dataset, 0, year=figure.year - 1)))
    assert (year.field, year.old, year.new) == ("year", str(figure.year), str(figure.year - 1))
    source = only(compare(dataset, with_figure(dataset, 0, source=other.id)))
    assert source.field == "source" and source.kind == CHANGED
    assert figure.source in source.old and other.id in source.new
    assert other.outlet["en"] in source.new  # named, not only its id


def test_value_and_year_of_one_figure_count_as_one_figure_changed(dataset):
    new = with_figure(dataset, 0, value=dataset.figures[0].value + 1, year=dataset.figures[0].year - 1)
    changes = compare(dataset, new)
    assert sorted(c.field for c in changes) == ["value", "year"]
    assert changes.summary == "1 figure changed"


def test_a_changed_label_names_the_item_and_the_language(dataset):
    figure = dataset.figures[3]
    label = Text({**figure.label.root, "zh": figure.label["zh"] + "（新）"})
    change = only(compare(dataset, with_figure(dataset, 3, label=label)))
    assert (change.kind, change.field, change.language) == (TEXT, "label", "zh")
    assert (change.old, change.new) == (f'"{figure.label["zh"]}"', f'"{label["zh"]}"')
    assert figure.id in change.item


def test_each_language_of_a_changed_text_is_one_change(dataset):
    tab = dataset.views[0]
    headline = Text({language: text + "!" for language, text in tab.headline.root.items()})
    changes = compare(dataset, with_tab(dataset, 0, headline=headline))
    assert sorted(c.language for c in changes) == sorted(dataset.languages)
    assert {(c.kind, c.field) for c in changes} == {(TEXT, "headline")}
    assert all(tab.id in c.item for c in changes)
    assert changes.summary == f"{len(dataset.languages)} texts changed"


def test_a_text_inside_a_block_names_the_block_and_its_tab(dataset):
    t, tab = next((t, tab) for t, tab in enumerate(dataset.views) if any(b.kind == "bar-chart" for b in tab.blocks))
    b, block = next((b, block) for b, block in enumerate(tab.blocks) if block.kind == "bar-chart")
    title = Text({**block.title.root, "en": "A new title"})
    blocks = (*tab.blocks[:b], replace(block, title=title), *tab.blocks[b + 1:])
    change = only(compare(dataset, with_tab(dataset, t, blocks=blocks)))
    assert (change.kind, change.noun, change.field, change.language) == (TEXT, "block", "title", "en")
    assert "bar chart" in change.item and tab.id in change.item and "A new title" in change.item
    assert change.old == f'"{block.title["en"]}"'


def test_a_block_showing_other_figures_names_them(dataset):
    t, tab = next((t, tab) for t, tab in enumerate(dataset.views) if tab.blocks[0].kind == "figure-cards")
    block = tab.blocks[0]
    extra = next(f for f in dataset.figures if f.id not in block.figures)
    blocks = (replace(block, figures=(*block.figures, extra.id)), *tab.blocks[1:])
    change = only(compare(dataset, with_tab(dataset, t, blocks=blocks)))
    assert (change.kind, change.noun, change.field) == (CHANGED, "block", "figures")
    assert extra.label["en"] in change.new and extra.label["en"] not in change.old


@pytest.mark.parametrize("collection", ["figures", "facts", "sources", "companies", "industries", "views"])
def test_an_item_added_or_removed_is_one_change_with_its_id_and_name(dataset, collection):
    records = getattr(dataset, collection)
    last = records[-1]
    removed = only(compare(dataset, replace(dataset, **{collection: records[:-1]})))
    assert removed.kind == REMOVED and f"({last.id})" in removed.item
    copy = replace(last, id=last.id + "-copy")
    added = only(compare(dataset, replace(dataset, **{collection: (*records, copy)})))
    assert added.kind == ADDED and f"({copy.id})" in added.item
    assert added.noun == removed.noun and f"1 {added.noun} added" == compare(
        dataset, replace(dataset, **{collection: (*records, copy)})).summary


def test_a_block_added_and_one_removed_in_a_tab(dataset):
    t, tab = next((t, tab) for t, tab in enumerate(dataset.views) if len(tab.blocks) >= 3)
    kept = tab.blocks[:1] + tab.blocks[2:]
    removed = only(compare(dataset, with_tab(dataset, t, blocks=kept)))
    assert (removed.kind, removed.noun) == (REMOVED, "block")
    assert tab.id in removed.item and tab.blocks[1].kind.replace("-", " ") in removed.item
    added = only(compare(with_tab(dataset, t, blocks=kept), dataset))
    assert (added.kind, added.noun, added.item) == (ADDED, "block", removed.item)


def test_tabs_reordered(dataset):
    views = (dataset.views[1], dataset.views[0], *dataset.views[2:])
    change = only(compare(dataset, replace(dataset, views=views)))
    assert (change.kind, change.noun) == (REORDERED, "tab")
    names = [f'"{tab.title["en"]}"' for tab in dataset.views]
    assert change.old == ", ".join(names) and change.new == ", ".join([names[1], names[0], *names[2:]])
    assert compare(dataset, replace(dataset, views=views)).summary == "tabs reordered"


def test_blocks_reordered_in_a_tab(dataset):
    t, tab = next((t, tab) for t, tab in enumerate(dataset.views) if len(tab.blocks) >= 2)
    change = only(compare(dataset, with_tab(dataset, t, blocks=tab.blocks[::-1])))
    assert (change.kind, change.noun) == (REORDERED, "block") and tab.id in change.item


def test_a_tab_added_and_removed_is_not_also_a_reordering(dataset):
    views = (*dataset.views[1:], replace(dataset.views[0], id="fresh"))
    changes = compare(dataset, replace(dataset, views=views))
    assert sorted(c.kind for c in changes) == [ADDED, REMOVED]


def test_the_summary_counts_each_kind(dataset):
    new = dataset
    for index in range(3):
        new = with_figure(new, index, value=new.figures[index].value + 1)
    new = with_figure(new, 0, year=new.figures[0].year - 1)  # the same figure: still three
    tab = dataset.views[0]
    new = with_tab(new, 0, title=Text({**tab.title.root, "en": tab.title["en"] + " and more"}))
    new = replace(new, views=(*new.views[:-1], replace(new.views[-1], id="extra"), new.views[-1]))
    assert compare(dataset, new).summary == "3 figures changed, 1 text changed, 1 tab added"


def test_an_edited_json_file(raw):
    """The path an editor takes: JSON changed and read again, not records replaced."""
    before = parse_dataset(json.dumps(raw).encode(), Path("before.json"), remember=False)
    raw["industries"][0]["name"]["en"] = "Renamed industry"
    raw["companies"].pop()
    after = parse_dataset(json.dumps(raw).encode(), Path("after.json"), remember=False)
    changes = compare(before, after)
    assert sorted((c.kind, c.noun) for c in changes) == [(REMOVED, "company"), (TEXT, "industry")]


def test_a_record_kind_added_to_the_dataset_later_is_compared_without_code_changes(dataset):
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Photo(Record):
        id: str
        caption: Text
        file: str

    @dataclasses.dataclass(frozen=True, kw_only=True)
    class WithPhotos(Dataset):
        photos: tuple[Photo, ...] = ()

    fields = {f.name: getattr(dataset, f.name) for f in dataclasses.fields(dataset)}
    bridge = Photo(id="bridge", caption=Text({"en": "The bridge", "zh": "桥"}), file="bridge.jpg")
    park = Photo(id="park", caption=Text({"en": "The park", "zh": "公园"}), file="park.jpg")
    old = WithPhotos(**fields, photos=(bridge,))
    new = WithPhotos(**fields, photos=(replace(bridge, file="bridge-2.jpg"), park))
    changes = compare(old, new)
    assert sorted((c.kind, c.noun, c.field) for c in changes) == [(ADDED, "photo", ""), (CHANGED, "photo", "file")]
    assert all("The" in c.item for c in changes)
    assert compare(old, new).summary == "1 photo changed, 1 photo added"
