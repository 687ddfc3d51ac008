"""Timing shared by the sections of scripts/bench: one run of a command, and the best of several
runs of a few commands taking turns."""
import os
import subprocess
import sys
import time


def run_once(argv, stdout=subprocess.DEVNULL):
    """Runs argv to completion; returns (wall seconds, peak RSS bytes, exit code, stderr)."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE)
    with child.stderr:
        stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return wall, rss, child.returncode, stderr.decode(errors="replace")


def best_of_each(commands, runs):
    """For each (argv, ok_codes): the fastest of `runs` timed runs, and the largest peak RSS seen.
    The commands take turns, run after run, so that a machine slower for a while (shared cores)
    weighs on mzplan and its baselines alike, not on whichever ran then. A run that exits with
    another code ends the bench (exit 2)."""
    times = [[] for _ in commands]
    peaks = [0 for _ in commands]
    for _ in range(runs):
        for index, (argv, ok_codes) in enumerate(commands):
            wall, rss, code, stderr = run_once(argv)
            if code not in ok_codes:
                print(f"bench: `{' '.join(argv)}` exited {code}:\n{stderr[-2000:]}", file=sys.stderr, flush=True)
                sys.exit(2)
            times[index].append(wall)
            peaks[index] = max(peaks[index], rss)
    return [(min(walls), peak) for walls, peak in zip(times, peaks)]
