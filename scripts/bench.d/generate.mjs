#!/usr/bin/env node
// Generates the benchmark's synthetic environments: N apps, each a Deployment + Service + ConfigMap,
// as a "desired" side (manifests as a git repository holds them) and a "live" side (objects as a
// real API server returns them). The sides differ only benignly, except for ~1% of resources that
// are drifted in varied ways; expected.json lists exactly those, with the paths Driftscope must
// report. Deterministic for a given --n and --seed.
//
//   node generate.mjs --n 1000 [--seed 42] --out DIR
//
// DIR/desired/<ns>/<app>.yaml   one file per app, three documents (a repository's layout)
// DIR/live/<ns>/<app>.yaml      the same layout, live objects (what a dump script would write)
// DIR/desired.json, live.json   one `kind: List` per side (live: as `kubectl get deploy,svc,cm -A -o json`)
// DIR/expected.json             the drifted resources, their expected paths, and the expected summary
// DIR/meta.json                 sizes, counts, seed, generator version

import fs from 'node:fs';
import path from 'node:path';
import { toYaml } from './yaml.mjs';

// ---------------------------------------------------------------- arguments and randomness

function parseArgs(argv) {
  const a = { n: 1000, seed: 42, out: null, driftRate: 0.01 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--n') (a.n = Number(v)), i++;
    else if (k === '--seed') (a.seed = Number(v)), i++;
    else if (k === '--out') (a.out = v), i++;
    else if (k === '--drift-rate') (a.driftRate = Number(v)), i++;
    else throw new Error(`unknown argument ${k}`);
  }
  if (!a.out || !(a.n > 0)) throw new Error('usage: generate.mjs --n N [--seed S] --out DIR');
  return a;
}

function mulberry32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rngFor(seed, i, salt) {
  return mulberry32((seed * 2654435761) ^ Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt, 0x85ebca6b));
}

const pick = (r, arr) => arr[Math.floor(r() * arr.length)];
const pad = (i, w) => String(i).padStart(w, '0');

function shuffled(r, arr) {
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---------------------------------------------------------------- the apps

const PRODUCTS = ['checkout', 'cart', 'payments', 'catalog', 'search', 'orders', 'users', 'billing',
  'inventory', 'shipping', 'reviews', 'pricing', 'auth', 'notify', 'ledger', 'media'];
const ROLES = ['api', 'worker', 'web', 'sync', 'gateway', 'cron', 'grpc', 'consumer'];
const CPU_REQ = ['50m', '100m', '250m', '0.1']; // '0.1' reads back as '100m'
const MEM_REQ = ['64Mi', '128Mi', '256Mi', '0.25Gi']; // '0.25Gi' reads back as '256Mi'
const CPU_LIM = ['0.5', '500m', 1, '1', '2', '1500m']; // 0.5 -> 500m; the number 1 -> "1"
const MEM_LIM = ['512Mi', '1Gi', '1024Mi', '2Gi', '2048Mi']; // 1024Mi -> 1Gi, 2048Mi -> 2Gi
const CANONICAL = { '0.1': '100m', '0.25Gi': '256Mi', '0.5': '500m', 1: '1', '1024Mi': '1Gi', '2048Mi': '2Gi' };
const canonical = (q) => (q in CANONICAL ? CANONICAL[q] : String(q));

/** The fixed traits of app i: everything both sides agree on before drift. */
function appTraits(seed, i, nsCount, width) {
  const r = rngFor(seed, i, 1);
  const name = `${pick(r, PRODUCTS)}-${pick(r, ROLES)}-${pad(i, width)}`;
  const ns = `team-${pad(i % nsCount, 3)}`;
  const envCount = 3 + Math.floor(r() * 6);
  const env = [
    { name: 'LOG_LEVEL', value: pick(r, ['info', 'warn']) },
    { name: 'DB_HOST', value: `${name}-db.${ns}.svc.cluster.local` },
    { name: 'DB_POOL_SIZE', value: String(5 + Math.floor(r() * 20)) },
    { name: 'CACHE_TTL_SECONDS', value: String(60 * (1 + Math.floor(r() * 10))) },
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://otel-collector.observability:4317' },
    { name: 'FEATURE_NEW_CHECKOUT', value: pick(r, ['true', 'false']) },
    { name: 'JAVA_OPTS', value: '-XX:MaxRAMPercentage=75 -XX:+UseG1GC' },
    { name: 'REGION', value: pick(r, ['eu-west-1', 'us-east-1', 'ap-south-1']) },
  ].slice(0, envCount);
  env.push({ name: 'APP_MODE', valueFrom: { configMapKeyRef: { name: `${name}-config`, key: 'APP_MODE' } } });
  return {
    i,
    name,
    ns,
    replicas: pick(r, [1, 2, 2, 3, 4, 6]),
    version: `1.${Math.floor(r() * 40)}.${Math.floor(r() * 10)}`,
    env,
    cpuReq: pick(r, CPU_REQ),
    memReq: pick(r, MEM_REQ),
    cpuLim: pick(r, CPU_LIM),
    memLim: pick(r, MEM_LIM),
    proxy: r() < 0.3,
    metrics: r() < 0.5,
    namedTargetPort: r() < 0.3,
    omitTargetPort: r() < 0.2,
    explicitPullPolicy: r() < 0.2,
    explicitProtocol: r() < 0.3,
    podAnnotations: r() < 0.3,
    initialDelay: r() < 0.5 ? 5 : undefined,
    serverSideApply: r() < 0.1, // applied with an Apply manager instead of the last-applied annotation
    tier: pick(r, ['backend', 'frontend', 'data']),
    props: Array.from({ length: 4 + Math.floor(r() * 8) }, (_, k) => `${pick(r, ['cache', 'http', 'db', 'queue'])}.setting${k} = ${Math.floor(r() * 1000)}`),
    ip: `10.96.${(i >> 8) & 255}.${i & 255}`,
    uidSeed: Math.floor(r() * 0xffffffff),
  };
}

const labelsOf = (t) => ({
  'app.kubernetes.io/name': t.name,
  'app.kubernetes.io/part-of': 'shop',
  team: t.ns,
  tier: t.tier,
});

// Desired documents, as written in a repository. Each call builds fresh objects.

function desiredDeployment(t) {
  const app = {
    name: 'app',
    image: `registry.example.com/${t.ns}/${t.name}:${t.version}`,
    ports: [{ name: 'http', containerPort: 8080 }],
    env: t.env.map((e) => ({ ...e })),
    resources: {
      requests: { cpu: t.cpuReq, memory: t.memReq },
      limits: { cpu: t.cpuLim, memory: t.memLim },
    },
    readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
    volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
  };
  if (t.initialDelay) app.readinessProbe.initialDelaySeconds = t.initialDelay;
  if (t.metrics) app.ports.push({ name: 'metrics', containerPort: 9090 });
  if (t.explicitPullPolicy) app.imagePullPolicy = 'IfNotPresent';
  if (t.explicitProtocol) for (const p of app.ports) p.protocol = 'TCP';
  const containers = [app];
  if (t.proxy) {
    containers.push({
      name: 'proxy',
      image: 'envoyproxy/envoy:v1.29.1',
      args: ['--config-path', '/etc/envoy/envoy.yaml', '--log-level', 'warn'],
      ports: [{ name: 'admin', containerPort: 15000 }],
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    });
  }
  const podMeta = { labels: { 'app.kubernetes.io/name': t.name, team: t.ns } };
  if (t.podAnnotations) podMeta.annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: t.name, namespace: t.ns, labels: labelsOf(t) },
    spec: {
      replicas: t.replicas,
      selector: { matchLabels: { 'app.kubernetes.io/name': t.name } },
      template: {
        metadata: podMeta,
        spec: {
          containers,
          volumes: [{ name: 'config', configMap: { name: `${t.name}-config` } }],
        },
      },
    },
  };
}

function desiredService(t) {
  const http = { name: 'http', port: t.omitTargetPort ? 8080 : 80 };
  if (!t.omitTargetPort) http.targetPort = t.namedTargetPort ? 'http' : 8080;
  const ports = [http];
  if (t.metrics) ports.push({ name: 'metrics', port: 9090, targetPort: 9090 });
  if (t.explicitProtocol) for (const p of ports) p.protocol = 'TCP';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: t.name, namespace: t.ns, labels: labelsOf(t) },
    spec: { selector: { 'app.kubernetes.io/name': t.name }, ports },
  };
}

function desiredConfigMap(t) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${t.name}-config`, namespace: t.ns, labels: labelsOf(t) },
    data: {
      APP_MODE: 'production',
      LOG_LEVEL: t.env[0].value,
      FEATURE_FLAGS: 'search-v2,fast-checkout',
      ENABLE_TRACING: 'true',
      'application.properties': t.props.join('\n') + '\n',
    },
  };
}

const BUILDERS = { Deployment: desiredDeployment, Service: desiredService, ConfigMap: desiredConfigMap };
const KINDS = ['Deployment', 'Service', 'ConfigMap'];
const GROUP = { Deployment: 'apps', Service: '', ConfigMap: '' };

// ---------------------------------------------------------------- what the API server adds

function withPodDefaults(spec) {
  for (const c of spec.containers) {
    c.imagePullPolicy ??= 'IfNotPresent';
    c.terminationMessagePath = '/dev/termination-log';
    c.terminationMessagePolicy = 'File';
    for (const p of c.ports ?? []) p.protocol ??= 'TCP';
    if (c.resources) {
      for (const part of ['requests', 'limits']) {
        const q = c.resources[part];
        if (q) for (const k in q) q[k] = canonical(q[k]);
      }
    }
    const probe = c.readinessProbe;
    if (probe) {
      probe.httpGet.scheme = 'HTTP';
      Object.assign(probe, { timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    }
  }
  for (const v of spec.volumes ?? []) if (v.configMap) v.configMap.defaultMode = 420;
  Object.assign(spec, {
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
  });
}

function applyDefaults(doc, t) {
  if (doc.kind === 'Deployment') {
    const s = doc.spec;
    Object.assign(s, {
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    s.template.metadata.creationTimestamp = null;
    withPodDefaults(s.template.spec);
  } else if (doc.kind === 'Service') {
    const s = doc.spec;
    for (const p of s.ports) {
      p.protocol ??= 'TCP';
      p.targetPort ??= p.port;
    }
    Object.assign(s, {
      clusterIP: t.ip,
      clusterIPs: [t.ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
  }
}

const MERGE_KEYS = {
  containers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
};
const ATOMIC = new Set(['selector', 'args', 'command']);

/** managedFields' fieldsV1 for the fields a manager set in `obj` (keyed lists as k:{...}). */
function fieldsV1(obj, inService) {
  const out = {};
  for (const k of Object.keys(obj).sort()) {
    const v = obj[k];
    if (ATOMIC.has(k) || v === null || typeof v !== 'object') {
      out['f:' + k] = {};
    } else if (Array.isArray(v)) {
      let keys = MERGE_KEYS[k];
      if (k === 'ports') keys = inService ? ['port', 'protocol'] : ['containerPort', 'protocol'];
      if (!keys || v.length === 0 || typeof v[0] !== 'object') {
        out['f:' + k] = {};
        continue;
      }
      const list = { '.': {} };
      for (const item of v) {
        const id = {};
        for (const f of keys) id[f] = f === 'protocol' ? item.protocol ?? 'TCP' : item[f];
        list['k:' + JSON.stringify(id)] = { '.': {}, ...fieldsV1(item, inService) };
      }
      out['f:' + k] = list;
    } else {
      const inner = fieldsV1(v, inService);
      out['f:' + k] = Object.keys(inner).length ? { '.': {}, ...inner } : {};
    }
  }
  return out;
}

function appliedFields(doc) {
  const { apiVersion, kind, metadata, ...rest } = doc;
  const { name, namespace, ...meta } = metadata;
  return fieldsV1({ metadata: meta, ...rest }, kind === 'Service');
}

const DEPLOYMENT_STATUS_FIELDS = {
  'f:metadata': { 'f:annotations': { '.': {}, 'f:deployment.kubernetes.io/revision': {} } },
  'f:status': {
    'f:availableReplicas': {},
    'f:conditions': {
      '.': {},
      'k:{"type":"Available"}': { '.': {}, 'f:lastTransitionTime': {}, 'f:lastUpdateTime': {}, 'f:message': {}, 'f:reason': {}, 'f:status': {}, 'f:type': {} },
      'k:{"type":"Progressing"}': { '.': {}, 'f:lastTransitionTime': {}, 'f:lastUpdateTime': {}, 'f:message': {}, 'f:reason': {}, 'f:status': {}, 'f:type': {} },
    },
    'f:observedGeneration': {},
    'f:readyReplicas': {},
    'f:replicas': {},
    'f:updatedReplicas': {},
  },
};

function uid(t, k) {
  const r = mulberry32(t.uidSeed ^ Math.imul(k + 7, 0x27d4eb2d));
  const h = () => Math.floor(r() * 0x100000000).toString(16).padStart(8, '0');
  const a = h() + h() + h() + h();
  return `${a.slice(0, 8)}-${a.slice(8, 12)}-4${a.slice(13, 16)}-a${a.slice(17, 20)}-${a.slice(20, 32)}`;
}

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The live object: `base` as applied (`applied`: the document the last apply sent) plus defaults,
 * server-owned metadata, managedFields and status.
 */
function liveObject(live, applied, t, kindIndex) {
  applyDefaults(live, t);
  const created = iso(T0 + t.i * 1000 + kindIndex * 100);
  const meta = live.metadata;
  meta.creationTimestamp = created;
  meta.resourceVersion = String(1000000 + t.i * 7 + kindIndex);
  meta.uid = uid(t, kindIndex);
  const managers = [];
  if (t.serverSideApply) {
    managers.push({ apiVersion: live.apiVersion, fieldsType: 'FieldsV1', fieldsV1: appliedFields(applied), manager: 'argocd-controller', operation: 'Apply', time: created });
  } else {
    meta.annotations = { ...(meta.annotations ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) + '\n' };
    const f = appliedFields(applied);
    f['f:metadata']['f:annotations'] = { '.': {}, 'f:kubectl.kubernetes.io/last-applied-configuration': {}, ...(f['f:metadata']['f:annotations'] ?? {}) };
    managers.push({ apiVersion: live.apiVersion, fieldsType: 'FieldsV1', fieldsV1: f, manager: 'kubectl-client-side-apply', operation: 'Update', time: created });
  }
  if (live.kind === 'Deployment') {
    meta.generation = 1;
    meta.annotations = { 'deployment.kubernetes.io/revision': '1', ...(meta.annotations ?? {}) };
    managers.push({ apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: DEPLOYMENT_STATUS_FIELDS, manager: 'kube-controller-manager', operation: 'Update', subresource: 'status', time: created });
    const n = live.spec.replicas;
    live.status = {
      availableReplicas: n,
      conditions: [
        { lastTransitionTime: created, lastUpdateTime: created, message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        { lastTransitionTime: created, lastUpdateTime: created, message: `ReplicaSet "${t.name}-6d68ff5f86" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1,
      readyReplicas: n,
      replicas: n,
      updatedReplicas: n,
    };
  } else if (live.kind === 'Service') {
    live.status = { loadBalancer: {} };
  }
  meta.managedFields = managers;
  return live;
}

// Benign rewrites: key order shuffled and keyed lists reordered, as if the dump were written by a
// tool with another order. managedFields and status are left in the server's order.
const KEYED_LISTS = new Set(['containers', 'env', 'ports', 'volumes', 'volumeMounts']);

function shuffleDeep(v, r, key) {
  if (Array.isArray(v)) {
    const items = v.map((x) => shuffleDeep(x, r));
    return KEYED_LISTS.has(key) ? shuffled(r, items) : items;
  }
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const k of shuffled(r, Object.keys(v))) {
    out[k] = k === 'managedFields' || k === 'status' ? v[k] : shuffleDeep(v[k], r, k);
  }
  return out;
}

// ---------------------------------------------------------------- drift

// Each drift edits the desired document, the live document (before defaults) and/or the document
// of the last apply, and says which paths Driftscope must report. `needs` filters eligible apps.
const C_APP = '/spec/template/spec/containers/name=app';
const DRIFTS = [
  { id: 'image-tag', kind: 'Deployment', status: 'changed',
    live: (d) => { const c = d.spec.template.spec.containers[0]; c.image = c.image.replace(/:[^:]+$/, ':hotfix-1'); },
    paths: () => [[`${C_APP}/image`, 'changed']] },
  { id: 'env-value', kind: 'Deployment', status: 'changed',
    live: (d) => { d.spec.template.spec.containers[0].env[0].value = 'debug'; },
    paths: () => [[`${C_APP}/env/name=LOG_LEVEL/value`, 'changed']] },
  { id: 'env-added-in-desired', kind: 'Deployment', status: 'changed',
    desired: (d) => { d.spec.template.spec.containers[0].env.push({ name: 'RATE_LIMIT', value: '100' }); },
    paths: () => [[`${C_APP}/env/name=RATE_LIMIT`, 'onlyLeft']] },
  { id: 'env-removed-from-desired', kind: 'Deployment', status: 'changed',
    desired: (d) => { const c = d.spec.template.spec.containers[0]; c.env = c.env.filter((e) => e.name !== 'DB_HOST'); },
    paths: () => [[`${C_APP}/env/name=DB_HOST`, 'onlyRight']] },
  { id: 'replicas', kind: 'Deployment', status: 'changed',
    live: (d) => { d.spec.replicas += 3; },
    paths: () => [['/spec/replicas', 'changed']] },
  { id: 'memory-limit', kind: 'Deployment', status: 'changed',
    live: (d) => { d.spec.template.spec.containers[0].resources.limits.memory = '3Gi'; },
    paths: () => [[`${C_APP}/resources/limits/memory`, 'changed']] },
  { id: 'container-removed-live', kind: 'Deployment', status: 'changed', needs: (t) => t.proxy,
    live: (d) => { d.spec.template.spec.containers.pop(); },
    paths: () => [['/spec/template/spec/containers/name=proxy', 'onlyLeft']] },
  { id: 'container-dropped-from-desired', kind: 'Deployment', status: 'changed', needs: (t) => t.proxy,
    desired: (d) => { d.spec.template.spec.containers.pop(); },
    paths: () => [['/spec/template/spec/containers/name=proxy', 'onlyRight']] },
  { id: 'image-and-replicas', kind: 'Deployment', status: 'changed',
    live: (d) => { const c = d.spec.template.spec.containers[0]; c.image = c.image.replace(/:[^:]+$/, ':2.0.0-rc1'); d.spec.replicas = 0; },
    paths: () => [[`${C_APP}/image`, 'changed'], ['/spec/replicas', 'changed']] },
  { id: 'label', kind: 'Deployment', status: 'changed',
    live: (d) => { d.metadata.labels.tier = 'legacy'; },
    paths: () => [['/metadata/labels/tier', 'changed']] },
  { id: 'target-port', kind: 'Service', status: 'changed', needs: (t) => !t.omitTargetPort,
    live: (d) => { d.spec.ports[0].targetPort = 8081; },
    paths: () => [['/spec/ports/port=80,protocol=TCP/targetPort', 'changed']] },
  { id: 'port-added-in-desired', kind: 'Service', status: 'changed', needs: (t) => !t.metrics,
    desired: (d) => { d.spec.ports.push({ name: 'grpc', port: 9000, targetPort: 9000 }); },
    paths: () => [['/spec/ports/port=9000,protocol=TCP', 'onlyLeft']] },
  { id: 'label', kind: 'Service', status: 'changed',
    desired: (d) => { d.metadata.labels.tier = 'edge'; },
    paths: () => [['/metadata/labels/tier', 'changed']] },
  { id: 'data-value', kind: 'ConfigMap', status: 'changed',
    live: (d) => { d.data.LOG_LEVEL = 'trace'; },
    paths: () => [['/data/LOG_LEVEL', 'changed']] },
  { id: 'data-multiline', kind: 'ConfigMap', status: 'changed',
    live: (d) => { d.data['application.properties'] += 'debug.override = true\n'; },
    paths: () => [['/data/application.properties', 'changed']] },
  { id: 'data-key-added-in-desired', kind: 'ConfigMap', status: 'changed',
    desired: (d) => { d.data.MAX_UPLOAD_MB = '25'; },
    paths: () => [['/data/MAX_UPLOAD_MB', 'onlyLeft']] },
  { id: 'label', kind: 'ConfigMap', status: 'changed',
    live: (d) => { d.metadata.labels['app.kubernetes.io/part-of'] = 'shop-legacy'; },
    paths: () => [['/metadata/labels/app.kubernetes.io~1part-of', 'changed']] },
  // Resource-level: missing on the live side; only on the live side after being applied before.
  { id: 'missing-live', kind: '*', status: 'onlyLeft', missingLive: true, paths: () => null },
  { id: 'applied-then-dropped-from-desired', kind: '*', status: 'onlyRight', missingDesired: true, paths: () => null },
];

/** Picks ~driftRate of all 3N resources and gives each a drift, cycling through DRIFTS. */
function planDrift(a, traits) {
  const total = 3 * a.n;
  // At least one of each kind of drift, so small runs cover them all.
  const count = Math.min(total, Math.max(DRIFTS.length, Math.round(total * a.driftRate)));
  const r = mulberry32(a.seed ^ 0x5bd1e995);
  const plan = new Map(); // "i/kind" -> drift
  let kindCycle = 0;
  for (let k = 0; k < count; k++) {
    const drift = DRIFTS[k % DRIFTS.length];
    const kind = drift.kind === '*' ? KINDS[kindCycle++ % 3] : drift.kind;
    for (let attempt = 0; attempt < 10000; attempt++) {
      const i = Math.floor(r() * a.n);
      const key = `${i}/${kind}`;
      if (plan.has(key) || (drift.needs && !drift.needs(traits(i)))) continue;
      plan.set(key, { ...drift, kind });
      break;
    }
  }
  return plan;
}

// ---------------------------------------------------------------- output

class Sink {
  constructor(file) {
    this.fd = fs.openSync(file, 'w');
    this.parts = [];
    this.size = 0;
    this.bytes = 0;
  }
  write(s) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush() {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }
  close() {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const LIST_HEAD = '{\n  "apiVersion": "v1",\n  "kind": "List",\n  "metadata": {\n    "resourceVersion": ""\n  },\n  "items": [';
const LIST_TAIL = '\n  ]\n}\n';

/** A `kind: List` written item by item; with `itemsOnly`, just the comma-separated items. */
class JsonList {
  constructor(file, itemsOnly = false) {
    this.sink = new Sink(file);
    this.itemsOnly = itemsOnly;
    if (!itemsOnly) this.sink.write(LIST_HEAD);
    this.count = 0;
  }
  add(doc) {
    const text = JSON.stringify(doc, null, 2).replace(/\n/g, '\n    ');
    this.sink.write((this.count++ ? ',\n    ' : '\n    ') + text);
  }
  close() {
    if (!this.itemsOnly) this.sink.write(LIST_TAIL);
    this.sink.close();
    return this.sink.bytes;
  }
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const nsCount = Math.max(1, Math.ceil(a.n / 250));
  const width = String(a.n - 1).length;
  const traitsCache = new Map();
  const traits = (i) => {
    let t = traitsCache.get(i);
    if (!t) traitsCache.set(i, (t = appTraits(a.seed, i, nsCount, width)));
    return t;
  };
  const plan = planDrift(a, traits);
  traitsCache.clear();

  fs.rmSync(a.out, { recursive: true, force: true });
  for (const side of ['desired', 'live']) {
    for (let n = 0; n < nsCount; n++) fs.mkdirSync(path.join(a.out, side, `team-${pad(n, 3)}`), { recursive: true });
  }
  const desiredList = new JsonList(path.join(a.out, 'desired.json'));
  // kubectl lists kinds in the order asked (deploy,svc,cm), each sorted by namespace and name:
  // buffer live JSON per kind in temporary files, then concatenate.
  const liveParts = KINDS.map((k) => ({ kind: k, file: path.join(a.out, `.live-${k}.part`), docs: [] }));
  const liveByKind = Object.fromEntries(liveParts.map((p) => [p.kind, p]));
  const expected = [];
  const ignored = [];
  let desiredCount = 0;
  let liveCount = 0;
  const yamlBytes = { desired: 0, live: 0 };

  // Apps in namespace order then name order, so live parts come out sorted by namespace/name.
  const order = Array.from({ length: a.n }, (_, i) => i);
  const appsOf = Array.from({ length: nsCount }, () => []);
  for (const i of order) appsOf[i % nsCount].push(i);
  const liveSinks = Object.fromEntries(liveParts.map((p) => [p.kind, new JsonList(p.file, true)]));

  for (let ns = 0; ns < nsCount; ns++) {
    const nsName = `team-${pad(ns, 3)}`;
    const apps = appsOf[ns].map((i) => traits(i)).sort((x, y) => (x.name < y.name ? -1 : 1));
    traitsCache.clear();
    const liveDocsByKind = { Deployment: [], Service: [], ConfigMap: [] };
    // Never-applied live-only object every namespace has: not drift in desired mode.
    const rootCa = {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: {
        annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' },
        creationTimestamp: iso(T0), name: 'kube-root-ca.crt', namespace: nsName,
        managedFields: [{ apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:ca.crt': {} }, 'f:metadata': { 'f:annotations': { '.': {}, 'f:kubernetes.io/description': {} } } }, manager: 'kube-controller-manager', operation: 'Update', time: iso(T0) }],
        resourceVersion: String(100 + ns), uid: uid({ uidSeed: 99991 + ns }, 0),
      },
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIZ3Vlc3Nub3RhcmVhbGNlcnRpZmljYXRlMA0GCSqGSIb3\nDQEBCwUAMBUxEzARBgNVBAMTCmt1YmVybmV0ZXMwHhcNMjUwMTA2MDkwMDAwWhcN\n-----END CERTIFICATE-----\n' },
    };
    const rootCaText = toYaml(rootCa);
    fs.writeFileSync(path.join(a.out, 'live', nsName, 'kube-root-ca.crt.yaml'), rootCaText);
    yamlBytes.live += rootCaText.length;
    liveDocsByKind.ConfigMap.push(rootCa);
    liveCount++;
    ignored.push({ group: '', kind: 'ConfigMap', namespace: nsName, name: 'kube-root-ca.crt', status: 'onlyRight' });

    for (const t of apps) {
      const r = rngFor(a.seed, t.i, 2);
      const desiredDocs = [];
      const liveDocs = [];
      KINDS.forEach((kind, kindIndex) => {
        const build = BUILDERS[kind];
        const drift = plan.get(`${t.i}/${kind}`);
        const desired = build(t);
        const applied = build(t); // what the last apply sent (before any edit in git)
        const live = build(t);
        if (drift?.desired) drift.desired(desired);
        if (drift?.live) drift.live(live);
        if (drift) {
          const paths = drift.paths();
          expected.push({
            group: GROUP[kind], kind, namespace: t.ns, name: desired.metadata.name,
            status: drift.status, drift: drift.id,
            ...(paths ? { paths: paths.map(([p, s]) => ({ path: p, status: s })) } : {}),
          });
        }
        if (!drift?.missingDesired) {
          desiredDocs.push(desired);
          desiredList.add(desired);
          desiredCount++;
        }
        if (!drift?.missingLive) {
          const obj = shuffleDeep(liveObject(live, applied, t, kindIndex), r);
          liveDocs.push(obj);
          liveDocsByKind[kind].push(obj);
          liveCount++;
        }
      });
      const file = `${t.name}.yaml`;
      if (desiredDocs.length) {
        const text = desiredDocs.map(toYaml).join('---\n');
        fs.writeFileSync(path.join(a.out, 'desired', t.ns, file), text);
        yamlBytes.desired += text.length;
      }
      if (liveDocs.length) {
        const text = liveDocs.map(toYaml).join('---\n');
        fs.writeFileSync(path.join(a.out, 'live', t.ns, file), text);
        yamlBytes.live += text.length;
      }
    }
    for (const kind of KINDS) {
      liveDocsByKind[kind].sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : 1));
      for (const d of liveDocsByKind[kind]) liveSinks[kind].add(d);
    }
  }
  const desiredBytes = desiredList.close();

  // Concatenate the per-kind parts into one List, by streaming (the live List can exceed the
  // longest string V8 allows).
  const liveFile = path.join(a.out, 'live.json');
  const fd = fs.openSync(liveFile, 'w');
  let liveBytes = fs.writeSync(fd, LIST_HEAD);
  let any = false;
  const chunk = Buffer.alloc(1 << 22);
  for (const p of liveParts) {
    const items = liveSinks[p.kind];
    items.sink.close();
    if (items.count) {
      if (any) liveBytes += fs.writeSync(fd, ',');
      any = true;
      const src = fs.openSync(p.file, 'r');
      for (let got; (got = fs.readSync(src, chunk, 0, chunk.length, null)) > 0; ) liveBytes += fs.writeSync(fd, chunk, 0, got);
      fs.closeSync(src);
    }
    fs.rmSync(p.file);
  }
  liveBytes += fs.writeSync(fd, LIST_TAIL);
  fs.closeSync(fd);

  // The expected verdict: every drifted resource counts; kube-root-ca.crt is onlyRight but ignored.
  const keyOf = (x) => `${x.group}/${x.kind}/${x.namespace}/${x.name}`;
  expected.sort((x, y) => (keyOf(x) < keyOf(y) ? -1 : 1));
  const count = (s) => expected.filter((e) => e.status === s).length;
  const onlyLeft = count('onlyLeft');
  const onlyRight = count('onlyRight') + ignored.length;
  const changed = count('changed');
  const resources = liveCount + onlyLeft; // every live resource, plus the desired ones missing live
  const summary = { same: resources - changed - onlyLeft - onlyRight, changed, onlyLeft, onlyRight, ignored: ignored.length };
  fs.writeFileSync(
    path.join(a.out, 'expected.json'),
    JSON.stringify({ seed: a.seed, n: a.n, mode: 'desired', resources, summary, drifted: expected, ignoredOnlyRight: ignored }, null, 2) + '\n',
  );
  const meta = {
    seed: a.seed, n: a.n, namespaces: nsCount,
    perSide: { desired: desiredCount, live: liveCount },
    drifted: expected.length,
    bytes: { 'desired.json': desiredBytes, 'live.json': liveBytes, 'desired/': yamlBytes.desired, 'live/': yamlBytes.live },
    seconds: (Date.now() - started) / 1000,
  };
  fs.writeFileSync(path.join(a.out, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
  process.stdout.write(JSON.stringify(meta) + '\n');
}

main();
