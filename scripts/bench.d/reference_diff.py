#!/usr/bin/python3
"""A deliberately small reference differ for the benchmark's generated data only (not a product):
desired-mode comparison of two JSON Lists with the rules of Driftscope's contract that the
generator exercises — server-owned fields stripped, keyed lists, quantities by value, and the
three-way rule (a live-only field or resource is drift only when the last-applied annotation or an
`Apply` manager shows it was applied before). It writes Driftscope's JSON shape, so that
`check_drift.py` can be tested, and the generator's expected.json cross-checked, before Driftscope
exists.

    reference_diff.py DESIRED.json LIVE.json > result.json
"""
import json
import re
import sys
from decimal import Decimal

SERVER_META = ("managedFields", "uid", "resourceVersion", "generation", "creationTimestamp", "selfLink")
LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration"
SUFFIX = {"": 1, "m": Decimal("0.001"), "k": 1000, "M": 1000**2, "G": 1000**3,
          "Ki": 1024, "Mi": 1024**2, "Gi": 1024**3, "Ti": 1024**4}
QUANTITY = re.compile(r"^([+-]?[0-9.]+)(m|k|M|G|Ki|Mi|Gi|Ti)?$")


def merge_key(path, name):
    if name in ("containers", "initContainers", "env", "volumes"):
        return ("name",)
    if name == "volumeMounts":
        return ("mountPath",)
    if name == "ports":
        return ("containerPort", "protocol") if "/containers/" in path else ("port", "protocol")
    return None


def esc(s):
    return str(s).replace("~", "~0").replace("/", "~1")


def entry_segment(item, fields):
    parts = []
    for f in fields:
        v = item.get(f, "TCP" if f == "protocol" else None)
        parts.append(f"{f}={esc(v).replace(',', '~2').replace('=', '~3')}")
    return ",".join(parts)


def quantity(v):
    m = QUANTITY.match(str(v))
    return Decimal(m.group(1)) * SUFFIX[m.group(2) or ""] if m else None


def same_scalar(path, a, b):
    if a == b:
        return True
    if "/resources/" in path:
        qa, qb = quantity(a), quantity(b)
        return qa is not None and qa == qb
    return False


def paths_of(doc, path=""):
    """Every leaf and keyed-list entry path of a document (what was applied)."""
    out = set()
    if isinstance(doc, dict):
        for k, v in doc.items():
            out |= paths_of(v, f"{path}/{esc(k)}")
        if not doc:
            pass
    elif isinstance(doc, list):
        name = path.rsplit("/", 1)[-1]
        fields = merge_key(path, name)
        if fields and all(isinstance(i, dict) for i in doc):
            for item in doc:
                p = f"{path}/{entry_segment(item, fields)}"
                out.add(p)
                out |= paths_of(item, p)
        else:
            out.add(path)
    else:
        out.add(path)
    return out


def fields_paths(fv1, path=""):
    """Paths an Apply manager owns, from fieldsV1 (f:name and k:{json} segments)."""
    out = set()
    for k, v in fv1.items():
        if k == ".":
            continue
        if k.startswith("f:"):
            p = f"{path}/{esc(k[2:])}"
        elif k.startswith("k:"):
            ident = json.loads(k[2:])
            p = f"{path}/{entry_segment(ident, sorted(ident))}"
        else:
            continue
        out.add(p)
        out |= fields_paths(v, p)
    return out


def applied_paths(live):
    meta = live.get("metadata", {})
    out = set()
    text = meta.get("annotations", {}).get(LAST_APPLIED)
    if text:
        out |= paths_of(json.loads(text))
    for m in meta.get("managedFields", []):
        if m.get("operation") == "Apply":
            out |= fields_paths(m.get("fieldsV1", {}))
    return out


def strip(doc):
    doc = json.loads(json.dumps(doc))
    doc.pop("status", None)
    meta = doc.get("metadata", {})
    for f in SERVER_META:
        meta.pop(f, None)
    ann = meta.get("annotations")
    if ann is not None:
        ann.pop(LAST_APPLIED, None)
        if not ann:
            del meta["annotations"]
    return doc


def walk(a, b, path, applied, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in a.keys() | b.keys():
            p = f"{path}/{esc(k)}"
            if k not in b:
                one_sided(a[k], p, "onlyLeft", applied, out)
            elif k not in a:
                one_sided(b[k], p, "onlyRight", applied, out)
            else:
                walk(a[k], b[k], p, applied, out)
        return
    name = path.rsplit("/", 1)[-1]
    fields = merge_key(path, name) if isinstance(a, list) and isinstance(b, list) else None
    if fields:
        left = {entry_segment(i, fields): i for i in a}
        right = {entry_segment(i, fields): i for i in b}
        for k in left.keys() | right.keys():
            p = f"{path}/{k}"
            if k not in right:
                out.append({"path": p, "status": "onlyLeft", "left": left[k]})
            elif k not in left:
                if p in applied:
                    out.append({"path": p, "status": "onlyRight", "right": right[k]})
            else:
                walk(left[k], right[k], p, applied, out)
        return
    if a in (None, {}, [], "") and b in (None, {}, [], ""):
        return
    if not same_scalar(path, a, b):
        out.append({"path": path, "status": "changed", "left": a, "right": b})


def one_sided(v, path, status, applied, out):
    if isinstance(v, dict) and v:
        for k, x in v.items():
            one_sided(x, f"{path}/{esc(k)}", status, applied, out)
        return
    if v in (None, {}, [], ""):
        return
    if status == "onlyRight" and path not in applied:
        return
    out.append({"path": path, "status": status, ("left" if status == "onlyLeft" else "right"): v})


def key(doc):
    api = doc["apiVersion"]
    return {"group": api.split("/")[0] if "/" in api else "", "version": api.split("/")[-1],
            "kind": doc["kind"], "namespace": doc["metadata"].get("namespace", ""), "name": doc["metadata"]["name"]}


def ident(k):
    return (k["group"], k["kind"], k["namespace"], k["name"])


def main(desired_file, live_file):
    with open(desired_file) as f:
        left = {ident(key(d)): d for d in json.load(f)["items"]}
    with open(live_file) as f:
        right = {ident(key(d)): d for d in json.load(f)["items"]}
    resources = []
    summary = {"same": 0, "changed": 0, "onlyLeft": 0, "onlyRight": 0, "ignored": 0}
    for k in sorted(left.keys() | right.keys()):
        l, r = left.get(k), right.get(k)
        entry = {"key": key(l or r), "ignored": False, "differences": []}
        if r is None:
            entry["status"] = "onlyLeft"
        elif l is None:
            entry["status"] = "onlyRight"
            meta = r["metadata"]
            applied = LAST_APPLIED in meta.get("annotations", {}) or any(
                m.get("operation") == "Apply" for m in meta.get("managedFields", []))
            if not applied:
                entry.update(ignored=True, reason="live-only, never applied")
                summary["ignored"] += 1
        else:
            diffs = []
            walk(strip(l), strip(r), "", applied_paths(r), diffs)
            entry["differences"] = sorted(diffs, key=lambda d: d["path"])
            entry["status"] = "changed" if diffs else "same"
        summary[entry["status"]] += 1
        resources.append(entry)
    json.dump({"left": desired_file, "right": live_file, "mode": "desired",
               "inSync": not any(r["status"] != "same" and not r["ignored"] for r in resources),
               "summary": summary, "resources": resources}, sys.stdout)
    return 1 if any(r["status"] != "same" and not r["ignored"] for r in resources) else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
