#!/usr/bin/env python3
"""Table rows for bench/run, from its raw run records (one line per run: label, wall s, peak RSS KiB,
facts, tab-separated) and its Markdown rows file.

  rows.py fold RUNS ROWS TAG              rows "LABEL (TAG)" of single runs -> one median row per LABEL
  rows.py ratio ROWS TEXT LABEL_A LABEL_B  appends "TEXT | median(A) / median(B)x"
  rows.py targets ROWS LIMIT              prints the issue-17 targets, each met or not
"""
import re
import statistics
import sys

ROW = re.compile(r"^\| (?P<label>.*?) \| (?P<wall>[\d.]+) s \| (?P<spread>[^|]*) \| (?P<mb>[\d,]*)(?: MB)? \| ")


def read_rows(path):
    return open(path).read().splitlines()


def medians(path):
    """label -> (wall s, RSS MB or None) of every timed row."""
    out = {}
    for line in read_rows(path):
        m = ROW.match(line)
        if m:
            mb = m.group("mb").replace(",", "")
            out[m.group("label")] = (float(m.group("wall")), float(mb) if mb else None)
    return out


def fold(runs_path, rows_path, tag):
    suffix = f" ({tag})"
    groups, others = {}, []
    for line in open(runs_path).read().splitlines():
        label, wall, rss, facts = line.split("\t")
        if label.endswith(suffix):
            groups.setdefault(label[: -len(suffix)], []).append((float(wall), int(rss), int(facts)))
        else:
            others.append(line + "\n")
    # Folded runs are used up: a later fold with the same tag folds only the runs since.
    open(runs_path, "w").write("".join(others))
    # A failed or stopped run keeps its own row, saying so; the runs that finished are folded.
    rest = []
    for line in read_rows(rows_path):
        m = re.match(r"\| (.*?) \| ", line)
        if m and m.group(1).endswith(suffix):
            if re.search(r"\| [\d.]+ s \|", line):
                continue
            line = line.replace(suffix + " |", " |", 1)
        rest.append(line)
    for label, group in groups.items():
        walls = [w for w, _, _ in group]
        rss = [r for _, r, _ in group if r > 0]
        med = statistics.median(walls)
        spread = f"{min(walls):.2f}–{max(walls):.2f}" if len(walls) > 1 else "1 run"
        mb = f"{statistics.median(rss) / 1024:,.0f} MB" if rss else ""
        facts = group[0][2]
        rate = f"{facts / med:,.0f}" if facts and med > 0 else ""
        rest.append(f"| {label} | {med:.2f} s | {spread} | {mb} | {rate} |")
    open(rows_path, "w").write("\n".join(rest) + "\n")


def ratio(rows_path, text, a, b):
    med = medians(rows_path)
    if a in med and b in med and med[b][0] > 0:
        with open(rows_path, "a") as f:
            x = med[a][0] / med[b][0]
            f.write(f"| {text} | {x:.{3 if x < 2 else 2}f}× | | | |\n")


def targets(rows_path, limit):
    med = medians(rows_path)
    lines = read_rows(rows_path)
    ratios = {}
    for line in lines:
        m = re.match(r"^\| (.*?) \| ([\d.]+)× \|", line)
        if m:
            ratios[m.group(1)] = float(m.group(2))

    def stopped(label):
        return next((l for l in lines if l.startswith(f"| {label} | did not finish")), None)

    def gb(mb):
        return f"{mb / 1000:.1f} GB"

    out = []

    def row(target, measured, met):
        out.append(f"| {target} | {measured} | {'met' if met else 'not met'} |")

    def missing(target, why):
        out.append(f"| {target} | not measured: {why} | |")

    def ratio_target(target, key, limit_x):
        if key in ratios:
            row(target, f"{ratios[key]:.2f}×", ratios[key] <= limit_x)
        else:
            missing(target, f"no row \"{key}\"")

    ratio_target("peer rules at 100k: ≤ 4× SWI-Prolog", "100k companies, peer rules: thesis ÷ SWI-Prolog", 4)
    peer1m = "1M companies, peer rules, explanations on"
    if peer1m in med:
        wall, mb = med[peer1m]
        row("peer rules at 1M: ≤ 40 s", f"{wall:.1f} s", wall <= 40)
        row("peer rules at 1M: ≤ 4 GB", gb(mb), mb <= 4000)
    elif stopped(peer1m):
        row("peer rules at 1M: ≤ 40 s and ≤ 4 GB", f"did not finish in {limit} s", False)
    else:
        missing("peer rules at 1M: ≤ 40 s and ≤ 4 GB", "BENCH_SIZES has no 1000000")
    # Full rules against peer rules: the floor part's runs alternate the two; else the sizes part's.
    pairs = [("100k companies, full rules/, thesis evaluate, beside the floor",
              "100k companies, peer rules, thesis evaluate, beside the floor"),
             ("100k companies, full rules/, explanations on", "100k companies, peer rules, explanations on")]
    full, peer = next((p for p in pairs if p[0] in med and p[1] in med), (None, None))
    if full:
        x = med[full][0] / med[peer][0]
        row("full rules at 100k: ≤ 3× the peer rules", f"{x:.2f}× ({med[full][0]:.1f} s ÷ {med[peer][0]:.1f} s)", x <= 3)
        row("full rules at 100k: ≤ 2 GB", gb(med[full][1]), med[full][1] <= 2000)
    else:
        missing("full rules at 100k: ≤ 3× the peer rules and ≤ 2 GB", "no 100k rows")
    full1m = "1M companies, full rules/, explanations on"
    if full1m in med:
        wall, mb = med[full1m]
        row("full rules at 1M: finishes", f"{wall:.1f} s", True)
        row("full rules at 1M: ≤ 6 GB", gb(mb), mb <= 6000)
    elif stopped(full1m):
        m = re.search(r"at ([\d,]+) MB", stopped(full1m))
        row("full rules at 1M: finishes, in ≤ 6 GB",
            f"did not finish in {limit} s ({gb(float(m.group(1).replace(',', '')))} when stopped)", False)
    else:
        missing("full rules at 1M: finishes, in ≤ 6 GB", "BENCH_SIZES has no 1000000")
    for rules in ("peer rules", "full rules/"):
        ratio_target(f"overhead over the Drools floor at 100k, {rules}: ≤ 1.5×",
                     f"100k companies, {rules}: thesis ÷ Drools floor (whole process less its rule compile)", 1.5)
    print("| target | measured | |")
    print("|---|---:|---|")
    print("\n".join(out))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"fold": fold, "ratio": ratio, "targets": targets}[cmd](*args)
