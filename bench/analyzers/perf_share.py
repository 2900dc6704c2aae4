#!/usr/bin/env python3
"""Reads `perf script -F comm,pid,ip,sym,dso` output of a profiled corpus build and prints how much of the compiler
process's CPU samples ran Spdf.Build's analyzer code, how much of that was JIT compilation and runtime work, and which
rules it went to.

    perf_share.py PERF_SCRIPT_OUTPUT PERF_MAP_DIR

JIT-compiled frames are named from the runtime's perf maps (DOTNET_PerfMapEnabled=1 writes PERF_MAP_DIR/perf-PID.map).
Frames in precompiled (ReadyToRun) code are not in those maps: perf gives them as offsets into the analyzer's file,
named from the image's symbol map (Spdf.Build.Analyzers.ni.r2rmap beside it, written by a ReadyToRun publish with
PublishReadyToRunEmitSymbols=true) when there is one.
"""
import bisect
import collections
import os
import re
import struct
import sys

FRAME = re.compile(r"\s*([0-9a-f]+) (.*) \((.*)\)\s*$")
OUR_FRAME = "[Spdf.Build.Analyzers]"
OUR_FILE = "Spdf.Build.Analyzers.dll"
TYPE_PREFIX = "] Spdf.Build.Analyzers."


class PerfMap:
    """Address ranges of JIT-compiled code and stubs of one process, or of methods in a ReadyToRun image's symbol map
    (whose header lines use addresses from 0xFFFFFFF0 up: pass that as `below`)."""

    def __init__(self, path, below=None):
        entries = []
        if os.path.exists(path):
            with open(path, errors="replace") as lines:
                for line in lines:
                    parts = line.rstrip("\n").split(" ", 2)
                    if len(parts) == 3 and (below is None or int(parts[0], 16) < below):
                        entries.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
        entries.sort()
        self.starts = [start for start, _, _ in entries]
        self.entries = entries

    def name(self, address):
        index = bisect.bisect_right(self.starts, address) - 1
        if index >= 0:
            start, size, name = self.entries[index]
            if address < start + size:
                return name
        return None


class PrecompiledImage:
    """Names code in a ReadyToRun image from the file offsets perf reports for it."""

    def __init__(self, path):
        self.sections = self._sections(path) if os.path.exists(path) else []
        symbols = os.path.join(os.path.dirname(path), OUR_FILE[:-len(".dll")] + ".ni.r2rmap")
        self.map = PerfMap(symbols, below=0xFFFFFFF0)

    @staticmethod
    def _sections(path):
        with open(path, "rb") as image:
            data = image.read(4096)
        header = struct.unpack_from("<I", data, 0x3C)[0]
        count = struct.unpack_from("<H", data, header + 6)[0]
        optional_size = struct.unpack_from("<H", data, header + 20)[0]
        table = header + 24 + optional_size
        sections = []
        for index in range(count):
            virtual_address, raw_size, raw_offset = struct.unpack_from("<III", data, table + 40 * index + 12)
            sections.append((raw_offset, raw_size, virtual_address))
        return sections

    def name(self, file_offset):
        for raw_offset, raw_size, virtual_address in self.sections:
            if raw_offset <= file_offset < raw_offset + raw_size:
                method = self.map.name(file_offset - raw_offset + virtual_address)
                if method:
                    # "System.Boolean Spdf.Build.Analyzers.X::M(args)" -> the perf map's form, "[Spdf.Build.Analyzers] Spdf.Build.Analyzers.X::M(args)".
                    qualified = method.split("(", 1)[0].split(" ")[-1]
                    return f"{OUR_FRAME} {qualified}(precompiled)"
        return f"{OUR_FRAME} (precompiled code, no symbol map)"


def samples(path):
    """Yields (pid, frames leaf first), each frame (symbol, dso)."""
    pid, frames = None, []
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if pid is not None:
                    yield pid, frames
                pid, frames = None, []
            elif line.startswith("\t"):
                match = FRAME.match(line)
                if match:
                    frames.append((int(match.group(1), 16), match.group(2), match.group(3)))
            else:
                # "COMM PID"; a thread's name (COMM) may contain spaces.
                pid = int(line.split()[-1])
    if pid is not None:
        yield pid, frames


def type_name(frame):
    """WeakHashAlgorithmAnalyzer for "void [Spdf.Build.Analyzers] Spdf.Build.Analyzers.Cryptography.WeakHashAlgorithmAnalyzer+<>c::<...>"."""
    start = frame.find(TYPE_PREFIX)
    if start < 0:
        return frame[:80]
    qualified = frame[start + len(TYPE_PREFIX):].split("::", 1)[0].split("+", 1)[0].split("[", 1)[0]
    return qualified.rsplit(".", 1)[-1]


def main():
    script, map_dir = sys.argv[1], sys.argv[2]
    maps = {}
    images = {}
    per_process = collections.Counter()
    ours = collections.Counter()
    kinds = collections.defaultdict(collections.Counter)
    rules = collections.defaultdict(collections.Counter)
    for pid, frames in samples(script):
        if pid not in maps:
            maps[pid] = PerfMap(os.path.join(map_dir, f"perf-{pid}.map"))
        named = []
        for address, symbol, dso in frames:
            if symbol == "[unknown]" and os.path.basename(dso) == OUR_FILE:
                if dso not in images:
                    images[dso] = PrecompiledImage(dso)
                symbol = images[dso].name(address)
            elif symbol == "[unknown]" or dso in ("[unknown]", "") or dso.startswith("//anon") or "perf-" in dso:
                symbol = maps[pid].name(address) or symbol
            named.append((symbol, os.path.basename(dso)))
        per_process[pid] += 1
        our_frames = [i for i, (symbol, _) in enumerate(named) if OUR_FRAME in symbol]
        if not our_frames:
            continue
        ours[pid] += 1
        if any(dso.startswith("libclrjit") for _, dso in named):
            kinds[pid]["JIT compilation"] += 1
        elif named[0][1].startswith("libcoreclr"):
            kinds[pid]["runtime (type loading, stubs, casts, GC)"] += 1
        else:
            kinds[pid]["managed code (ours, Roslyn's, the BCL's)"] += 1
        # The outermost analyzer frame is the callback the compiler called; the rule host's dispatcher is skipped. A
        # sample with only the dispatcher on the stack is mostly the JIT compiling a rule callback before its first call.
        outer = [named[i][0] for i in reversed(our_frames)]
        callback = next((frame for frame in outer if "HostedRuleActions" not in frame), None)
        rules[pid][type_name(callback) if callback else "rule host (registration and dispatch, before a rule's frame)"] += 1

    if not ours:
        sys.exit("No Spdf.Build frames in the profile: was DOTNET_PerfMapEnabled=1 set and the analyzer loaded?")
    compiler = max(ours, key=ours.get)
    total, spdf = per_process[compiler], ours[compiler]
    print(f"Compiler process {compiler}: {total} samples, Spdf.Build analyzers on the stack in {spdf} "
          f"({100.0 * spdf / total:.2f} % of the compiler's CPU time)")
    for kind, count in kinds[compiler].most_common():
        print(f"  {count:6d}  {100.0 * count / spdf:5.1f} %  {kind}")
    print("By callback (rule or analyzer whose code was running):")
    for rule, count in rules[compiler].most_common(20):
        print(f"  {count:6d}  {100.0 * count / spdf:5.1f} %  {rule}")


if __name__ == "__main__":
    main()
