"""Write inference/given_names.tsv: given names of many countries and the gender each is given.

    python -m claimtag.training.given_names      # needs the dev extra (Faker)

Who-said-it reads the file to tell the gender of a person the article never calls Mr or Ms and
never follows with a he or she of their own (`Declan Moriarty` for a `she said`). The names come
from Faker's person providers (MIT licence; the lists of its locales, Latin script only). A name
is gendered m or f only where a country's locale lists it for that gender and no locale lists it
for the other; Faker's generic English list alone does not gender a name, since it also holds
rare given names that are common words or surnames (`Long`, `King`, `Page`) and nicknames used for
both (`Jess`). Every other name is kept with `-`.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import unicodedata
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "inference" / "given_names.tsv"
_GENERIC = "en"  # Faker's locale-less English list: never enough alone to gender a name
_LISTS = {"first_names_male": "m", "first_names_female": "f", "first_names": "-", "first_names_nonbinary": "-"}


def _latin(name: str) -> bool:
    return (
        bool(name)
        and name[0].isupper()
        and all(c in "-'’" or unicodedata.name(c, "").startswith("LATIN") for c in name)
    )


def collect() -> dict[str, dict[str, set[str]]]:
    """name -> gender (m, f, -) -> the Faker locales that list it so."""
    import faker.providers.person as person

    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr, gender in _LISTS.items():
            names = vars(provider).get(attr) if provider else None
            if names is None or isinstance(names, property):
                continue
            for name in names.keys() if isinstance(names, dict) else names:
                if isinstance(name, str) and _latin(name):
                    found[name][gender].add(module.name)
    return found


def gender_of(locales: dict[str, set[str]]) -> str:
    """m or f where a country's locale lists the name for one gender and none for the other; else -."""
    male, female = locales.get("m", set()), locales.get("f", set())
    if male - {_GENERIC} and not female:
        return "m"
    if female - {_GENERIC} and not male:
        return "f"
    return "-"


def write(path: Path = OUT) -> int:
    """Write the file, and Faker's licence beside it (`given_names.LICENSE`, as its MIT terms ask);
    returns how many names it holds."""
    from importlib.metadata import distribution

    import faker

    licence = next(f for f in distribution("faker").files or () if f.name.upper().startswith("LICENSE"))
    path.with_suffix(".LICENSE").write_text(
        "inference/given_names.tsv is drawn from Faker's person providers, under this licence:\n\n"
        + licence.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    found = collect()
    header = (
        f"# given name, gender (m, f, or - for both or unknown); from Faker {faker.VERSION} (MIT licence,\n"
        "# https://github.com/joke2k/faker), written by `python -m claimtag.training.given_names`\n"
    )
    rows = [f"{name}\t{gender_of(found[name])}" for name in sorted(found)]
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    print(f"{write(args.out)} given names written to {args.out}")


if __name__ == "__main__":
    main()
