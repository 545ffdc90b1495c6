#!/usr/bin/python3
"""Checks a `driftscope diff --mode desired --output json` result against the generator's
expected.json: exactly the drifted resources are reported as drift, each at exactly its expected
paths, the never-applied live-only resources are reported as ignored, every other resource is
`same`, and the summary adds up.

    check_drift.py EXPECTED.json RESULT.json [--exit-code N]

Prints one line per problem (at most 25) and exits 1 when there is any; prints "ok ..." and exits 0
otherwise.
"""
import json
import sys


def key_of(k):
    return (k.get("group", ""), k["kind"], k.get("namespace", ""), k["name"])


def show(k):
    group, kind, ns, name = k
    return f"{kind}{'.' + group if group else ''}/{ns + '/' if ns else ''}{name}"


def check(expected, result, exit_code=None):
    problems = []
    drifted = {key_of(e): e for e in expected["drifted"]}
    ignored = {key_of(e): e for e in expected["ignoredOnlyRight"]}

    if exit_code is not None and exit_code != 1:
        problems.append(f"exit code {exit_code}, expected 1 (drift)")
    if result.get("mode") != "desired":
        problems.append(f"mode {result.get('mode')!r}, expected 'desired'")
    if result.get("inSync") is not False:
        problems.append(f"inSync {result.get('inSync')!r}, expected false")

    resources = result.get("resources", [])
    seen = {}
    for r in resources:
        k = key_of(r["key"])
        if k in seen:
            problems.append(f"{show(k)} appears twice")
        seen[k] = r
    if len(resources) != expected["resources"]:
        problems.append(f"{len(resources)} resources listed, expected {expected['resources']}")

    for k, r in seen.items():
        status = r.get("status")
        counts = status != "same" and not r.get("ignored", False)
        if k in drifted:
            e = drifted[k]
            if status != e["status"] or not counts:
                problems.append(
                    f"{show(k)} ({e['drift']}): status {status!r} ignored={r.get('ignored')}, "
                    f"expected {e['status']!r} counting as drift"
                )
                continue
            if "paths" in e:
                want = {(p["path"], p["status"]) for p in e["paths"]}
                got = {
                    (d["path"], d["status"])
                    for d in r.get("differences", [])
                    if d.get("status") != "ignored"
                }
                for path, st in sorted(want - got):
                    problems.append(f"{show(k)} ({e['drift']}): missing {st} {path}")
                for path, st in sorted(got - want):
                    problems.append(f"{show(k)} ({e['drift']}): unexpected {st} {path}")
                for d in r.get("differences", []):
                    if d.get("status") == "changed" and ("left" not in d or "right" not in d):
                        problems.append(f"{show(k)}: changed {d['path']} lacks left or right value")
        elif k in ignored:
            if status != "onlyRight" or not r.get("ignored", False):
                problems.append(
                    f"{show(k)}: status {status!r} ignored={r.get('ignored')}, "
                    "expected onlyRight and ignored (live-only, never applied)"
                )
        elif counts:
            paths = [d["path"] for d in r.get("differences", []) if d.get("status") != "ignored"]
            problems.append(
                f"{show(k)}: reported {status!r} but only benign differences were generated"
                + (f" ({', '.join(paths[:4])}{' …' if len(paths) > 4 else ''})" if paths else "")
            )
        elif status != "same":
            # A resource whose differences are all ignored is `same` by the contract.
            problems.append(f"{show(k)}: status {status!r} with ignored=true, expected 'same'")
    for k, e in drifted.items():
        if k not in seen:
            problems.append(f"{show(k)} ({e['drift']}): not listed at all")
    for k in ignored:
        if k not in seen:
            problems.append(f"{show(k)}: live-only resource not listed at all")

    summary = result.get("summary", {})
    for field, want in expected["summary"].items():
        if summary.get(field) != want:
            problems.append(f"summary.{field} = {summary.get(field)!r}, expected {want}")
    total = sum(summary.get(f, 0) for f in ("same", "changed", "onlyLeft", "onlyRight"))
    if total != len(resources):
        problems.append(f"summary same+changed+onlyLeft+onlyRight = {total}, but {len(resources)} resources listed")
    return problems


def main(argv):
    import argparse

    ap = argparse.ArgumentParser(description="Check driftscope's JSON verdict on the synthetic data.")
    ap.add_argument("expected")
    ap.add_argument("result")
    ap.add_argument("--exit-code", type=int, help="driftscope's exit code (must be 1: drift)")
    a = ap.parse_args(argv)
    args = [a.expected, a.result]
    exit_code = a.exit_code
    with open(args[0]) as f:
        expected = json.load(f)
    try:
        with open(args[1]) as f:
            result = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: cannot read the driftscope output {args[1]}: {e}")
        return 1
    problems = check(expected, result, exit_code)
    if problems:
        print(f"FAIL: driftscope's verdict on the synthetic data is wrong ({len(problems)} problems):")
        for p in problems[:25]:
            print("  " + p)
        if len(problems) > 25:
            print(f"  … and {len(problems) - 25} more")
        return 1
    print(
        f"ok: exactly the {len(expected['drifted'])} drifted resources reported, at their expected paths; "
        f"{len(expected['ignoredOnlyRight'])} live-only resources ignored; summary matches"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
