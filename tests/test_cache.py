"""The compiled catalogue cache: warm loads skip parsing, and nothing stale or broken survives."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest

import advisor.catalogue
import advisor.yamlio
from advisor import cache
from advisor.catalogue import load_catalogue, validate_catalogue
from advisor.problems import CatalogueError
from benchmarks.synthetic import generate_catalogue


@pytest.fixture(autouse=True)
def cache_dir(tmp_path, monkeypatch) -> Path:
    """Every test here gets its own cache directory, never the user's."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(directory))
    return directory


@pytest.fixture
def data(tmp_path) -> Path:
    root = tmp_path / "data"
    generate_catalogue(root, qualifications=12, units=60, seed=5)
    return root


@pytest.fixture
def no_parsing(monkeypatch):
    """Make any attempt to read a YAML file fail the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the catalogue was parsed, not read from the cache")

    def apply() -> None:
        monkeypatch.setattr(advisor.catalogue, "read_yaml_file", refuse)
        monkeypatch.setattr(advisor.yamlio, "parse_yaml", refuse)

    return apply


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("catalogue-*.pickle"))


def test_cache__warm_load_returns_an_equal_catalogue_without_parsing(data, cache_dir, no_parsing):
    cold = load_catalogue(data)
    assert len(cache_files(cache_dir)) == 1
    no_parsing()
    warm = load_catalogue(data)
    assert warm is not cold
    assert warm == cold
    assert dict(warm.qualifications) == dict(cold.qualifications)
    assert dict(warm.units) == dict(cold.units)
    assert warm.progressions == cold.progressions
    assert dict(warm.qualification_files) == dict(cold.qualification_files)


def test_cache__warm_catalogue_keeps_read_only_mappings_and_working_records(data, no_parsing):
    cold = load_catalogue(data)
    no_parsing()
    warm = load_catalogue(data)
    for name in ("documents", "units", "qualifications", "job_roles", "frameworks"):
        assert isinstance(getattr(warm, name), MappingProxyType), name
    with pytest.raises(TypeError):
        warm.units["X/000/0000"] = None  # type: ignore[index]
    q = next(iter(warm.qualifications.values()))
    assert q.model_fields_set == cold.qualifications[q.id].model_fields_set
    assert q.model_copy(update={"title": "Changed"}).title == "Changed"
    assert q.title == cold.qualifications[q.id].title
    assert q.model_dump() == cold.qualifications[q.id].model_dump()
    with pytest.raises(ValueError, match="frozen"):
        q.title = "Changed"  # type: ignore[misc]


def test_cache__one_changed_byte_invalidates_it(data, cache_dir):
    first = load_catalogue(data)
    bank = sorted((data / "units").glob("*.yaml"))[0]
    text = bank.read_bytes()
    urn = next(iter(first.units))
    title = first.units[urn].title
    assert text.count(title.encode()) >= 1
    bank.write_bytes(text.replace(title.encode(), ("X" + title[1:]).encode(), 1))
    second = load_catalogue(data)
    assert second != first
    assert "X" + title[1:] in {u.title for u in second.units.values()}
    assert len(cache_files(cache_dir)) == 2


def test_cache__a_new_file_invalidates_it(data, cache_dir):
    load_catalogue(data)
    extra = data / "units" / "zz-extra.yaml"
    extra.write_text(
        "units:\n  - urn: Z/999/9999\n    title: An extra unit\n    credits: 1\n"
        f"    source: {next(iter(load_catalogue(data).documents))} § Units\n",
        encoding="utf-8",
    )
    assert "Z/999/9999" in load_catalogue(data).units


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "garbage", "other-key"])
def test_cache__a_damaged_file_is_ignored_and_rebuilt(data, cache_dir, no_parsing, damage):
    cold = load_catalogue(data)
    (path,) = cache_files(cache_dir)
    raw = path.read_bytes()
    damaged = {
        "truncated": raw[: len(raw) // 2],
        "flipped": raw[:-100] + bytes([raw[-100] ^ 0xFF]) + raw[-99:],
        "empty": b"",
        "garbage": b"\x80\x05not a pickle at all" * 10,
        "other-key": raw.replace(path.stem.removeprefix("catalogue-").encode(), b"0" * 64, 1),
    }[damage]
    path.write_bytes(damaged)
    assert load_catalogue(data) == cold  # rebuilt from the YAML, no error
    assert cache.read_cache_file(path, cache.catalogue_key(data)) == cold
    no_parsing()
    assert load_catalogue(data) == cold  # and the rebuilt cache is good again


def test_cache__a_damaged_payload_that_still_unpickles_is_ignored(data, cache_dir):
    """The checksum catches damage that pickle itself would not notice."""
    load_catalogue(data)
    (path,) = cache_files(cache_dir)
    raw = bytearray(path.read_bytes())
    title = next(iter(load_catalogue(data).units.values())).title.encode()
    at = raw.index(title)
    raw[at] = ord("Q")  # same length, still a valid pickle, wrong content
    path.write_bytes(bytes(raw))
    assert cache.read_cache_file(path, cache.catalogue_key(data)) is None


def test_cache__a_sound_file_holding_something_else_is_ignored(data, cache_dir):
    key = cache.catalogue_key(data)
    path = cache_dir / "catalogue-test.pickle"
    cache_dir.mkdir()
    payload = pickle.dumps({"not": "a catalogue"})
    path.write_bytes(cache._header(key) + payload + hashlib.sha256(payload).digest())
    assert cache.read_cache_file(path, key) is None


def test_cache__off_disables_it(data, cache_dir, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    load_catalogue(data)
    load_catalogue(data)
    assert not cache_dir.exists()


def test_cache__use_cache_false_neither_reads_nor_writes(data, cache_dir):
    load_catalogue(data, use_cache=False)
    assert not cache_dir.exists()
    load_catalogue(data)
    (path,) = cache_files(cache_dir)
    path.write_bytes(b"damaged")
    assert load_catalogue(data, use_cache=False).units  # parsed, the damaged file not touched
    assert path.read_bytes() == b"damaged"


def test_cache__a_broken_catalogue_is_never_cached(data, cache_dir):
    bank = sorted((data / "units").glob("*.yaml"))[0]
    bank.write_text(bank.read_text(encoding="utf-8").replace("credits: ", "credits: x", 1),
                    encoding="utf-8")
    for _ in range(2):  # reported in full every time
        with pytest.raises(CatalogueError) as error:
            load_catalogue(data)
        assert "input should be a valid integer" in str(error.value)
    assert cache_files(cache_dir) == []
    assert validate_catalogue(data) != []


def test_cache__a_file_changed_during_loading_is_not_cached(data, cache_dir, monkeypatch):
    read = advisor.catalogue._read_catalogue

    def read_while_someone_edits(data_dir):
        catalogue = read(data_dir)
        (data_dir / "progression.yaml").write_text(
            (data_dir / "progression.yaml").read_text(encoding="utf-8") + "# edited\n",
            encoding="utf-8")
        return catalogue

    monkeypatch.setattr(advisor.catalogue, "_read_catalogue", read_while_someone_edits)
    load_catalogue(data)
    assert cache_files(cache_dir) == []


def test_cache__same_files_elsewhere_share_it_and_report_their_own_directory(
    data, tmp_path, no_parsing
):
    load_catalogue(data)
    moved = tmp_path / "elsewhere" / "data"
    shutil.copytree(data, moved)
    no_parsing()
    warm = load_catalogue(moved)
    assert warm.data_dir == str(moved)


def test_cache__same_files_under_another_name_report_their_own_paths(data, tmp_path):
    """Problem messages and qualification files start with the data directory's name."""
    load_catalogue(data)
    renamed = tmp_path / "catalogue-copy"
    shutil.copytree(data, renamed)
    files = load_catalogue(renamed).qualification_files.values()
    assert files and all(f.startswith("catalogue-copy/") for f in files)


def test_cache__an_unwritable_cache_directory_is_skipped(data, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    assert load_catalogue(data).units
    assert load_catalogue(data).units


def test_cache__keeps_only_the_most_recent_versions(data, cache_dir):
    bank = sorted((data / "units").glob("*.yaml"))[0]
    for n in range(cache.KEEP + 3):
        with bank.open("a", encoding="utf-8") as handle:
            handle.write(f"# edit {n}\n")
        load_catalogue(data)
    assert len(cache_files(cache_dir)) == cache.KEEP


def test_cache__key_covers_path_and_content_but_not_time(data):
    key = cache.catalogue_key(data)
    bank = sorted((data / "units").glob("*.yaml"))[0]
    bank.touch()
    assert cache.catalogue_key(data) == key
    bank.rename(bank.with_name("renamed.yaml"))
    assert cache.catalogue_key(data) != key


def test_cache__directory_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv(cache.CACHE_ENV, "OFF")
    assert cache.cache_dir() is None
    monkeypatch.delenv(cache.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "advisor"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "advisor"


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files the key reads and hashes; digests are trusted however recent the file
    (the two-second margin would otherwise make every freshly written file untrusted)."""
    monkeypatch.setattr(cache, "TRUSTED_AFTER_SECONDS", 0)
    paths: list[str] = []
    real_hash_file = cache._hash_file

    def hash_file(path: str) -> bytes:
        paths.append(path)
        return real_hash_file(path)

    monkeypatch.setattr(cache, "_hash_file", hash_file)
    return paths


def test_key__unchanged_files_are_not_read_again(data, cache_dir, hashed):
    files = sorted(p for p in data.rglob("*.yaml"))
    first = cache.catalogue_key(data)
    assert len(hashed) >= len(files)
    hashed.clear()
    assert cache.catalogue_key(data) == first
    assert hashed == []  # every digest came from the remembered list


def test_key__a_same_size_edit_with_its_time_put_back_is_still_seen(data, cache_dir, hashed):
    """Size and modification time can be kept by an edit (or put back, as ``touch -d`` does);
    the change time cannot, so the file is read again."""
    key = cache.catalogue_key(data)
    bank = sorted((data / "units").glob("*.yaml"))[0]
    before = bank.stat()
    content = bank.read_bytes()
    at = content.index(b"credits: ") + len(b"credits: ")
    changed = content[:at] + (b"7" if content[at:at + 1] != b"7" else b"8") + content[at + 1:]
    bank.write_bytes(changed)
    os.utime(bank, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert bank.stat().st_size == before.st_size and bank.stat().st_mtime_ns == before.st_mtime_ns
    assert cache.catalogue_key(data) != key


def test_key__recently_changed_files_are_always_read(data, cache_dir, hashed, monkeypatch):
    monkeypatch.setattr(cache, "TRUSTED_AFTER_SECONDS", 3600)
    cache.catalogue_key(data)
    hashed.clear()
    cache.catalogue_key(data)
    assert len(hashed) >= len(list(data.rglob("*.yaml")))


@pytest.mark.parametrize("listing", [b"not json", b"[]", b'{"format": 1, "files": {"x": 5}}',
                                     b'{"format": 1, "files": {"units/a.yaml": [1, 2, 3]}}'])
def test_key__a_damaged_file_list_is_ignored_and_replaced(data, cache_dir, hashed, listing):
    key = cache.catalogue_key(data)
    (written,) = cache_dir.glob("files-*.json")
    good = written.read_bytes()
    written.write_bytes(listing)
    hashed.clear()
    assert cache.catalogue_key(data) == key
    assert len(hashed) == len(list(data.rglob("*.yaml")))  # every file read: the list unused
    assert written.read_bytes() == good  # and written afresh


def test_key__each_data_directory_keeps_its_own_file_list(data, cache_dir, hashed):
    key = cache.catalogue_key(data)
    other = data.parent / "elsewhere" / "data"
    shutil.copytree(data, other)
    bank = sorted((other / "units").glob("*.yaml"))[0]
    bank.write_bytes(bank.read_bytes() + b"# different\n")
    assert cache.catalogue_key(other) != key
    assert len(list(cache_dir.glob("files-*.json"))) == 2
