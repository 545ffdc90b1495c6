#!/usr/bin/python3
"""Peer: Python deepdiff (Debian python3-deepdiff) on the two JSON Lists, as a user would run it:
DeepDiff(left, right, ignore_order=True). The result is written to OUT.json (as Driftscope writes
its JSON); a one-line summary to stderr.

    peer_deepdiff.py LEFT.json RIGHT.json OUT.json
"""
import json
import sys

from deepdiff import DeepDiff


def main(left_file, right_file, out_file):
    with open(left_file) as f:
        left = json.load(f)
    with open(right_file) as f:
        right = json.load(f)
    diff = DeepDiff(left, right, ignore_order=True)
    text = diff.to_json()
    with open(out_file, "w") as f:
        f.write(text)
    counts = {k: len(v) for k, v in diff.items()}
    print(f"deepdiff: {counts}, {len(text)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
