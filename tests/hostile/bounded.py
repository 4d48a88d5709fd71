"""Run one command under resource limits and report what it used: the child half of harness.py.

    python bounded.py REPORT.json MEMORY_BYTES CPU_SECONDS -- COMMAND...

This small interpreter starts COMMAND with RLIMIT_AS and RLIMIT_CPU set,
waits for it with wait4() and writes its exit status, peak RSS and CPU time
to REPORT.json.  It exists so that the peak RSS is COMMAND's own: Linux
starts a child's peak at its parent's size when the parent forks, and a
pytest process is hundreds of MB; this one is about 10.

COMMAND inherits stdin, stdout and stderr.  Only the standard library here:
it must start fast and must not import what it measures.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys


def main(argv: list[str]) -> int:
    report, memory, cpu, separator, *command = argv
    assert separator == "--" and command, __doc__

    def limit() -> None:
        # Address space, not RSS: Linux does not enforce RLIMIT_RSS.  A
        # Python with jieba, lxml and SQLite loaded maps about 400 MB, so the
        # limit is on what the work itself takes.
        resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
        # The soft limit sends SIGXCPU (the default action ends the process);
        # the hard one, a second later, SIGKILL.
        resource.setrlimit(resource.RLIMIT_CPU, (int(cpu), int(cpu) + 1))

    # preexec_fn is safe here: this process runs no threads.
    child = subprocess.Popen(command, preexec_fn=limit)
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    with open(report, "w", encoding="utf-8") as out:
        json.dump(
            {
                "returncode": child.returncode,
                "peak_rss": usage.ru_maxrss * 1024,  # KiB on Linux
                "cpu_seconds": usage.ru_utime + usage.ru_stime,
            },
            out,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
