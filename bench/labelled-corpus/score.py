#!/usr/bin/env python3
"""Scores the labelled corpus: reads the CASE labels from Corpus/Cases/*.cs and each tool's SARIF log, and decides
per case whether the tool reported a diagnostic of a matching CWE inside the case's lines.

usage: score.py <repo-root> <results-file.md> [--extra-map <tsv>] <tool>=<sarif> [<tool>=<sarif> ...]
"""
import csv
import json
import os
import re
import sys
from collections import defaultdict
from urllib.parse import unquote, urlparse

CASE = re.compile(r"//\s*CASE:\s*id=(?P<id>[^,]+),\s*cwe=(?P<cwe>\d+),\s*expect=(?P<expect>BAD|GOOD)(?:,\s*form=(?P<form>.*))?$")

# A case labelled with CWE k is matched by a diagnostic whose CWEs intersect GROUPS[k]: the tools file the same
# weakness under neighbouring CWEs (SPDF1010 says 326 for an obsolete TLS version, CA5397 757, SCS0015 259, ...).
GROUPS = {
    327: {327, 328}, 328: {328, 327}, 329: {329, 323, 1204}, 321: {321, 798, 259}, 326: {326, 327},
    757: {757, 326, 327}, 916: {916, 759, 760, 328, 327}, 338: {338, 330}, 295: {295}, 299: {299},
    319: {319}, 347: {347, 252, 345}, 798: {798, 259}, 208: {208}, 636: {636}, 78: {78, 77}, 89: {89},
    22: {22, 23, 36, 73}, 643: {643}, 90: {90}, 1333: {1333, 730, 400}, 470: {470, 114}, 117: {117},
    502: {502}, 611: {611, 776, 827}, 409: {409, 400}, 532: {532, 359}, 359: {359, 532}, 209: {209, 200, 497},
    494: {494, 829},
}
TOOLS = ["Spdf", "SecurityCodeScan", "NetAnalyzers"]


def load_cases(case_dir):
    cases = []
    for name in sorted(os.listdir(case_dir)):
        if not name.endswith(".cs"):
            continue
        path = os.path.join(case_dir, name)
        lines = open(path, encoding="utf-8").read().split("\n")
        starts = []
        for number, line in enumerate(lines, 1):
            m = CASE.search(line.strip())
            if m:
                starts.append((number, m))
            elif "CASE:" in line:
                sys.exit(f"{path}:{number}: malformed CASE label")
        for i, (number, m) in enumerate(starts):
            end = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(lines)
            cases.append({
                "id": m.group("id").strip(), "cwe": int(m.group("cwe")), "expect": m.group("expect"),
                "form": (m.group("form") or "").strip(), "file": name, "start": number, "end": end,
            })
    ids = [c["id"] for c in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        sys.exit(f"duplicate case ids: {sorted(duplicates)}")
    unknown = {c["cwe"] for c in cases} - GROUPS.keys()
    if unknown:
        sys.exit(f"no CWE group for {sorted(unknown)}")
    return cases


def load_map(repo, here, extra):
    cwe_of = {}
    for row in [r for path in [os.path.join(here, "cwe-map.tsv")] + extra for r in open(path, encoding="utf-8")]:
        if row.startswith("#") or not row.strip():
            continue
        ident, cwes, _ = row.rstrip("\n").split("\t", 2)
        cwe_of[ident] = {int(c) for c in cwes.split(",")}
    rules = os.path.join(repo, "docs", "rules")
    for name in os.listdir(rules):
        m = re.fullmatch(r"(SPDF\d{4})\.md", name)
        if not m:
            continue
        for line in open(os.path.join(rules, name), encoding="utf-8"):
            if line.startswith("| CWE |"):
                cwe_of[m.group(1)] = {int(c) for c in re.findall(r"CWE-(\d+)", line)}
                break
    return cwe_of


def load_sarif(path):
    doc = json.load(open(path, encoding="utf-8-sig"))
    found = []
    for run in doc.get("runs", []):
        for result in run.get("results", []):
            if result.get("suppressions"):
                continue
            for location in result.get("locations", [])[:1]:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                region = physical.get("region", {})
                file_path = unquote(urlparse(uri).path) if uri.startswith("file:") else uri
                found.append({
                    "id": result.get("ruleId", ""), "file": os.path.basename(file_path),
                    "dir": os.path.basename(os.path.dirname(file_path)),
                    "line": region.get("startLine", 0), "message": result.get("message", {}).get("text", ""),
                })
    return found


def tool_of(rule_id):
    if rule_id.startswith("SPDF"):
        return "Spdf"
    if rule_id.startswith("SCS"):
        return "SecurityCodeScan"
    if re.fullmatch(r"CA\d{4}", rule_id):
        return "NetAnalyzers"
    return None


def ratio(a, b):
    return f"{a / b:.2f}" if b else "n/a"


def main():
    repo, out_file, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    extra = []
    while args and args[0] == "--extra-map":
        extra.append(args[1])
        args = args[2:]
    here = os.path.dirname(os.path.abspath(__file__))
    cases = load_cases(os.path.join(here, "Corpus", "Cases"))
    cwe_of = load_map(repo, here, extra)
    by_file = defaultdict(list)
    for case in cases:
        by_file[case["file"]].append(case)

    hits = defaultdict(lambda: defaultdict(list))       # case id -> tool -> [rule ids] (matching CWE)
    off_target = defaultdict(lambda: defaultdict(list))  # case id -> tool -> [rule ids] (other CWE)
    unmapped = defaultdict(set)
    for spec in args:
        tool, sarif = spec.split("=", 1)
        for d in load_sarif(sarif):
            if tool_of(d["id"]) != tool or d["dir"] != "Cases":
                continue
            cwes = cwe_of.get(d["id"])
            for case in by_file.get(d["file"], []):
                if case["start"] <= d["line"] <= case["end"]:
                    if cwes is None:
                        unmapped[tool].add(d["id"])
                    elif cwes & GROUPS[case["cwe"]]:
                        hits[case["id"]][tool].append(d["id"])
                    else:
                        off_target[case["id"]][tool].append(d["id"])

    covered = {tool: set() for tool in TOOLS}
    for ident, cwes in cwe_of.items():
        tool = tool_of(ident)
        if tool:
            for cwe, group in GROUPS.items():
                if cwes & group:
                    covered[tool].add(cwe)

    out_dir = os.path.dirname(os.path.abspath(out_file))
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.splitext(os.path.basename(out_file))[0]
    with open(os.path.join(out_dir, stem + "-cases.tsv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "cwe", "expect", "file", "lines"] + TOOLS + ["form"])
        for c in cases:
            w.writerow([c["id"], c["cwe"], c["expect"], c["file"], f"{c['start']}-{c['end']}"]
                       + [",".join(sorted(set(hits[c["id"]][t]))) or "-" for t in TOOLS] + [c["form"]])

    lines = [line for line in os.environ.get("LABELLED_CORPUS_HEADER", "").split("\n") if line] + [""]
    lines = [] if lines == [""] else lines
    order = sorted({c["cwe"] for c in cases})
    header = "| CWE | BAD | GOOD | " + " | ".join(f"{t} TP/FN/FP/TN | {t} R | {t} P" for t in TOOLS) \
        + " | Union R | SPDF R >= union | SPDF P >= 0.95 |"
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    totals = {t: [0, 0, 0, 0] for t in TOOLS}
    unmet = []
    for cwe in order:
        group = [c for c in cases if c["cwe"] == cwe]
        bad = [c for c in group if c["expect"] == "BAD"]
        good = [c for c in group if c["expect"] == "GOOD"]
        row = [f"{cwe}", str(len(bad)), str(len(good))]
        recall = {}
        for t in TOOLS:
            tp = sum(1 for c in bad if hits[c["id"]][t])
            fp = sum(1 for c in good if hits[c["id"]][t])
            fn, tn = len(bad) - tp, len(good) - fp
            for i, v in enumerate((tp, fn, fp, tn)):
                totals[t][i] += v
            if cwe not in covered[t] and tp + fp == 0:
                row += ["no rule", "—", "—"]
                continue
            recall[t] = tp / len(bad) if bad else None
            row += [f"{tp}/{fn}/{fp}/{tn}", ratio(tp, len(bad)), ratio(tp, tp + fp)]
        union = sum(1 for c in bad if hits[c["id"]]["SecurityCodeScan"] or hits[c["id"]]["NetAnalyzers"])
        spdf_tp = sum(1 for c in bad if hits[c["id"]]["Spdf"])
        spdf_fp = sum(1 for c in good if hits[c["id"]]["Spdf"])
        union_gap = sum(1 for c in bad if not hits[c["id"]]["Spdf"]
                        and (hits[c["id"]]["SecurityCodeScan"] or hits[c["id"]]["NetAnalyzers"]))
        precision_ok = spdf_tp + spdf_fp == 0 or spdf_tp / (spdf_tp + spdf_fp) >= 0.95
        row += [ratio(union, len(bad)), "yes" if union_gap == 0 else f"NO ({union_gap} gap)",
                "yes" if precision_ok else "NO"]
        if union_gap or not precision_ok:
            unmet.append(cwe)
        lines.append("| " + " | ".join(row) + " |")
    row = ["all", str(sum(1 for c in cases if c["expect"] == "BAD")), str(sum(1 for c in cases if c["expect"] == "GOOD"))]
    for t in TOOLS:
        tp, fn, fp, tn = totals[t]
        row += [f"{tp}/{fn}/{fp}/{tn}", ratio(tp, tp + fn), ratio(tp, tp + fp)]
    bad_all = [c for c in cases if c["expect"] == "BAD"]
    union_all = sum(1 for c in bad_all if hits[c["id"]]["SecurityCodeScan"] or hits[c["id"]]["NetAnalyzers"])
    row += [ratio(union_all, len(bad_all)), "", ""]
    lines.append("| " + " | ".join(f"**{v}**" if v else v for v in row) + " |")

    def case_line(c, extra=""):
        return f"- `{c['id']}` (CWE-{c['cwe']}, {c['file']}:{c['start']}) {c['form']}{extra}"

    lines += ["", f"CWEs where SPDF misses the union target or the precision target: "
              f"{', '.join(str(c) for c in unmet) if unmet else 'none'}", ""]
    gap = [c for c in bad_all if not hits[c["id"]]["Spdf"]
           and (hits[c["id"]]["SecurityCodeScan"] or hits[c["id"]]["NetAnalyzers"])]
    lines += [f"## Union gap: BAD cases SecurityCodeScan or NetAnalyzers flag and SPDF misses ({len(gap)})", ""]
    lines += [case_line(c, " — flagged by " + ", ".join(
        f"{t} {'/'.join(sorted(set(hits[c['id']][t])))}" for t in TOOLS[1:] if hits[c["id"]][t])) for c in gap] or ["- none"]
    fps = [c for c in cases if c["expect"] == "GOOD" and hits[c["id"]]["Spdf"]]
    lines += ["", f"## SPDF false positives on GOOD cases ({len(fps)})", ""]
    lines += [case_line(c, " — " + "/".join(sorted(set(hits[c["id"]]["Spdf"])))) for c in fps] or ["- none"]
    missed = [c for c in bad_all if not hits[c["id"]]["Spdf"]
              and not (hits[c["id"]]["SecurityCodeScan"] or hits[c["id"]]["NetAnalyzers"])]
    lines += ["", f"## Other BAD cases SPDF misses (no tool flags them) ({len(missed)})", ""]
    lines += [case_line(c) for c in missed] or ["- none"]
    off = [(c, off_target[c["id"]]["Spdf"]) for c in cases if off_target[c["id"]]["Spdf"]]
    lines += ["", f"## SPDF diagnostics of another CWE inside a case ({len(off)}; not scored, review for false positives)", ""]
    lines += [case_line(c, f" [{c['expect']}] — " + "/".join(sorted(set(ids)))) for c, ids in off] or ["- none"]
    for t in TOOLS:
        if unmapped[t]:
            lines += ["", f"Unmapped {t} IDs seen inside cases (ignored): {', '.join(sorted(unmapped[t]))}"]
    text = "\n".join(lines) + "\n"
    open(out_file, "w", encoding="utf-8").write(text)
    print(text)


if __name__ == "__main__":
    main()
