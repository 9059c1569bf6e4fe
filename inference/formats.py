"""Tagged articles out: table (terminal), json, jsonl, csv and a self-contained HTML page."""

from __future__ import annotations

import csv
import html
import io
import json
import shutil
import textwrap
from collections import Counter
from dataclasses import asdict, dataclass, field

from claimtag.inference.entities import same_entity
from claimtag.inference.tagger import TaggedSentence
from claimtag.model.labels import LABELS

FORMATS = ("table", "json", "jsonl", "csv", "html")
ANSI = dict(zip(LABELS, ("\033[33m", "\033[36m", "\033[35m", "\033[90m"), strict=True))  # in LABELS order
COLOURS = dict(zip(LABELS, ("#ffe08a", "#a8e0f0", "#e5b8f2", "#e4e4e4"), strict=True))
RESET = "\033[0m"
UNKNOWN = "(speaker not named)"


@dataclass(frozen=True)
class Provenance:
    """What produced an output, recorded on every output row: the model as named on the
    command line, a digest of its folder (`model_version`) and the mode (int8 or fp32)."""

    model: str
    model_version: str
    mode: str

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return asdict(self)


def provenance(path_or_name: str = "default", fast: bool = True) -> Provenance:
    """The Provenance of `Tagger.from_pretrained(path_or_name, fast=fast)`'s output (checks the folder)."""
    from claimtag.model.folder import ModelMeta, model_version, resolve_model_path

    path = resolve_model_path(path_or_name)
    int8 = fast and ModelMeta.read(path).kind == "transformer"  # the only kind with an int8 path
    return Provenance(str(path_or_name), model_version(path), "int8" if int8 else "fp32")


@dataclass
class Result:
    """One tagged article, as the command line reports it; `meta`: what its markup carried beside
    the text (title, byline, date, captions of an HTML page or a Markdown file); `row`: its
    position in the input (a corpus's row number, or the Nth file)."""

    name: str
    sentences: list[TaggedSentence]
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str | list[str]] = field(default_factory=dict)
    row: int | None = None

    def summary(self) -> dict:
        """Count and share of each label."""
        counts = Counter(s.label for s in self.sentences)
        n = len(self.sentences)
        return {lab: {"count": counts[lab], "share": round(counts[lab] / n, 4) if n else 0.0} for lab in LABELS}

    def who_said_what(self) -> list[dict]:
        """Each speaker (one entity: `Costa` joins `Rui Costa`) with their quotations (runs) and quote
        sentences, most quoted first."""
        people: dict[str, dict] = {}
        for s in self.sentences:
            if s.quote_id is None:
                continue
            key = s.speaker or UNKNOWN
            key = next((k for k in people if s.speaker and people[k]["speaker"] and same_entity(k, key)), key)
            who = people.setdefault(key, {"speaker": s.speaker, "type": s.speaker_type, "quotes": {}, "sentences": 0})
            if s.speaker and len(s.speaker) > len(who["speaker"]):  # the fullest name names the entity
                who["speaker"], who["type"] = s.speaker, s.speaker_type
            who["sentences"] += 1
            who["quotes"].setdefault(s.quote_id, []).append(s.text)
        out = [
            {
                "speaker": p["speaker"],
                "speaker_type": p["type"],
                "quotations": len(p["quotes"]),
                "sentences": p["sentences"],
                "quotes": [" ".join(texts) for texts in p["quotes"].values()],
            }
            for p in people.values()
        ]
        return sorted(out, key=lambda p: (p["speaker"] is None, -p["sentences"]))

    def to_dict(self, model: str | Provenance) -> dict:
        """JSON-ready dict of the article."""
        return {
            "article": self.name,
            **({"row": self.row} if self.row is not None else {}),
            **(model.to_dict() if isinstance(model, Provenance) else {"model": model}),
            "meta": self.meta,
            "summary": self.summary(),
            "speakers": self.who_said_what(),
            "warnings": self.warnings,
            "sentences": [s.to_dict() for s in self.sentences],
        }


def render(
    results: list[Result], fmt: str, *, model: str | Provenance, colour: bool = False, width: int | None = None
) -> str:
    """The whole output of a run in one format (`model` as a Provenance: recorded on every row)."""
    info = model if isinstance(model, Provenance) else None
    if fmt == "json":
        return json.dumps([r.to_dict(model) for r in results], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(jsonl_lines(r, info) for r in results)
    if fmt == "csv":
        return _csv(results, info)
    if fmt == "html":
        name = f"{info.model} (version {info.model_version}, {info.mode})" if info else str(model)
        return html_page(results, model=name)
    return "\n".join(table(r, colour=colour, width=width) for r in results)


CSV_HEADER = (
    ["article", "row", "index", "start", "end", "paragraph", "in_quote", "label", "score"]
    + [f"p_{lab}" for lab in LABELS]
    + ["truncated", "unsure", "quantities", "quote_id", "speaker", "speaker_start", "speaker_end", "speaker_type"]
    + ["text"]
    + ["model", "model_version", "mode"]
)


def jsonl_lines(result: Result, info: Provenance | None = None) -> str:
    """One JSON line per sentence of an article: its name, input row and the Provenance, the
    article's `meta` when it has any, then the sentence."""
    head = {"article": result.name, **({"row": result.row} if result.row is not None else {})}
    head.update(info.to_dict() if info else {})
    head.update({"meta": result.meta} if result.meta else {})
    lines = (json.dumps({**head, **s.to_dict()}, ensure_ascii=False) for s in result.sentences)
    return "".join(line + "\n" for line in lines)


def csv_rows(result: Result, info: Provenance | None = None) -> list[list]:
    """One CSV row per sentence of an article (columns: CSV_HEADER)."""
    rows = []
    tail = [info.model, info.model_version, info.mode] if info else ["", "", ""]
    for s in result.sentences:
        span = s.speaker_span or ("", "")
        rows.append(
            [result.name, "" if result.row is None else result.row, s.index, s.start, s.end, s.paragraph]
            + [_bool(s.in_quote), s.label, s.score]
            + [s.probs[lab] for lab in LABELS]
            + [_bool(s.truncated), _bool(s.unsure), json.dumps([q.to_dict() for q in s.quantities], ensure_ascii=False)]
            + [s.quote_id or "", s.speaker or "", span[0], span[1], s.speaker_type or "", s.text]
            + tail
        )
    return rows


def _bool(value: bool) -> str:
    return "true" if value else "false"  # as in JSON, whatever the spreadsheet's language


def _csv(results: list[Result], info: Provenance | None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for r in results:
        writer.writerows(csv_rows(r, info))
    return buf.getvalue()


def summary_line(result: Result) -> str:
    """`12 sentences: claim 5 (42%) · quote 4 (33%) · ...`"""
    parts = [f"{lab} {v['count']} ({v['share']:.0%})" for lab, v in result.summary().items()]
    n = len(result.sentences)
    return f"{n} sentence{'' if n == 1 else 's'}: " + " · ".join(parts)


def table(result: Result, *, colour: bool = False, width: int | None = None) -> str:
    """A readable terminal table: index, label, score, wrapped sentence."""
    width = width or shutil.get_terminal_size((80, 24)).columns  # 80 columns when not a terminal
    indent = 4 + 1 + 9 + 1 + 4 + 2
    room = max(20, width - indent)
    lines = [f"== {result.name} ==", summary_line(result)]
    lines += [f"warning: {w}" for w in result.warnings]
    for s in result.sentences:
        wrapped = textwrap.wrap(s.text, room) or [""]
        label = f"{s.label:<9}"
        if colour:
            label = f"{ANSI[s.label]}{label}{RESET}"
        flags = (["[truncated]"] if s.truncated else []) + (["[unsure]"] if s.unsure else [])
        flags += [f"[{s.quote_id}: {s.speaker or UNKNOWN}]"] if s.quote_id else []
        flag = " ".join(flags)
        if flag and len(wrapped[-1]) + 2 + len(flag) <= room:  # after the sentence's end, never inside it
            wrapped[-1] += "  " + flag
        elif flag:
            wrapped.append(flag)
        lines.append(f"{s.index:>4} {label} {s.score:.2f}  {wrapped[0]}")
        lines += [" " * indent + w for w in wrapped[1:]]
    return "\n".join(lines) + "\n"


def html_page(results: list[Result], *, model: str, before: str = "") -> str:
    """One self-contained page: per article, counts at the top and each sentence in its label's colour.

    `before` is HTML placed above the articles (the service's paste form).
    """
    legend = "".join(f'<span class="s {lab}">{lab}</span> ' for lab in LABELS)
    css = "".join(f".{lab}{{background:{c}}}" for lab, c in COLOURS.items())
    body = "".join(_html_article(r) for r in results)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>claimtag</title>
<style>
body{{font-family:Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}}
header,.counts{{font-family:system-ui,sans-serif;font-size:.9rem}}
.s{{padding:.1rem .2rem;border-radius:.2rem;cursor:help}}{css}
.unsure{{outline:2px dashed #c0392b;outline-offset:1px}} .unsure::after{{content:"?";color:#c0392b;font-weight:bold}}
.counts span{{margin-right:1rem}} article{{border-top:1px solid #ccc;margin-top:1.5rem}}
.who{{font-family:system-ui,sans-serif;font-size:.85rem;background:#f6f8fa;border:1px solid #d0d7de;
border-radius:.4rem;padding:.3rem .8rem;margin:.8rem 0}} .who table{{border-collapse:collapse;width:100%}}
.who td,.who th{{text-align:left;vertical-align:top;padding:.2rem .4rem;border-top:1px solid #e1e4e8}}
</style></head><body>
<header><h1>claimtag</h1>
<p>Model: {html.escape(model)}. Legend: {legend}<span class="s unsure">unsure</span>.
Hover a sentence for its confidence and, for a quote, its speaker.</p></header>
{before}{body}</body></html>
"""


def _html_article(result: Result) -> str:
    counts = "".join(
        f'<span class="count-{lab}"><b>{lab}</b> {v["count"]} ({v["share"]:.0%})</span>'
        for lab, v in result.summary().items()
    )
    paras: dict[int, list[str]] = {}
    for s in result.sentences:
        tip = f"{s.label} {s.score:.0%}" + (" (unsure)" if s.unsure else "") + " — "
        tip += ", ".join(f"{k} {v:.0%}" for k, v in s.probs.items())
        who = ""
        if s.quote_id:
            tip = f"said by {s.speaker or 'a speaker the article does not name'} ({s.quote_id}) — " + tip
            who = f' data-quote="{s.quote_id}" data-speaker="{html.escape(s.speaker or "")}"'
            who += f' data-speaker-type="{s.speaker_type or ""}"'
        cls = f"s {s.label}" + (" unsure" if s.unsure else "")
        paras.setdefault(s.paragraph, []).append(
            f'<span class="{cls}" data-label="{s.label}"{who} title="{html.escape(tip)}">{html.escape(s.text)}</span>'
        )
    text = "".join(f"<p>{' '.join(p)}</p>" for p in paras.values()) or "<p><i>(no sentences)</i></p>"
    return (
        f'<article><h2>{html.escape(result.name)}</h2><div class="counts">{counts}</div>'
        f"{_who_panel(result)}{text}</article>\n"
    )


def _who_panel(result: Result) -> str:
    """The "who said what" box: each speaker, how much they are quoted, and the opening of each quotation."""
    rows = "".join(
        f"<tr><td><b>{html.escape(p['speaker'] or UNKNOWN)}</b> {p['speaker_type'] or ''}</td>"
        f"<td>{p['quotations']}</td><td>{p['sentences']}</td>"
        f"<td>{'<br>'.join(html.escape(textwrap.shorten(q, 110, placeholder=' …')) for q in p['quotes'])}</td></tr>"
        for p in result.who_said_what()
    )
    if not rows:
        return ""
    head = "<tr><th>speaker</th><th>quotations</th><th>sentences</th><th>what they said</th></tr>"
    return f'<details class="who" open><summary>Who said what</summary><table>{head}{rows}</table></details>'
