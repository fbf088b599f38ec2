// Offline checks of deploy/k8s: every overlay builds with kustomize, every resource validates
// against its schema, and the manifests agree with what the services really read (ports, health
// and metrics paths, environment variables, topics, consumer groups, databases, realm, clients).
// Prints one line per check and closes with "N passed, N failed". Run through run.sh.
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { ManifestValidator } from "./lib/validate.mjs";
import { envReferences, kafkaChannels, readService, readTopicConstants, resolveDefault, servicePaths, sourceChannels } from "./lib/properties.mjs";
import { staleRealmImports } from "./gen-realm-import.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const k8s = join(repo, "deploy/k8s");
const SERVICES = ["ingest-service", "nlp-service", "query-service"];
// Environment variables a Deployment may set that application.properties never names:
// the JVM image's launcher options and Quarkus' own QUARKUS_* mapping of its properties.
const PLATFORM_ENV = /^(JAVA_OPTS_APPEND|JAVA_MAX_MEM_RATIO|JAVA_INITIAL_MEM_RATIO|QUARKUS_[A-Z0-9_]+)$/;
const SENSITIVE_KEY = /PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY/i;

let passed = 0;
let failed = 0;
let skipped = 0;
/** A check returns its problems (empty: passed) or the string SKIP + reason when it cannot apply yet. */
async function check(name, fn) {
  try {
    const problems = (await fn()) ?? [];
    if (typeof problems === "string") {
      skipped++;
      console.log(`skipped ${name}: ${problems}`);
    } else if (problems.length === 0) {
      passed++;
      console.log(`ok      ${name}`);
    } else {
      failed++;
      console.log(`FAILED  ${name}`);
      for (const p of problems.slice(0, 25)) console.log(`          - ${p}`);
      if (problems.length > 25) console.log(`          - ... ${problems.length - 25} more`);
    }
  } catch (e) {
    failed++;
    console.log(`FAILED  ${name}\n          - ${e.stack?.split("\n").slice(0, 3).join(" | ") ?? e}`);
  }
}

// ---------- inputs ----------

function kustomizeCommand() {
  const cmd = process.env.NEWSDESK_KUSTOMIZE;
  if (cmd) return cmd.split(" ");
  return ["kubectl", "kustomize"];
}

function build(dir) {
  const [bin, ...args] = kustomizeCommand();
  const out = execFileSync(bin, [...args, dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  return YAML.parseAllDocuments(out).map((d) => d.toJS()).filter(Boolean);
}

const parseQuantity = (q) => {
  if (q === undefined) return NaN;
  const m = String(q).match(/^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/);
  if (!m) return NaN;
  const f = { m: 1e-3, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2]] ?? 1;
  return Number(m[1]) * f;
};
const parseDuration = (d) => {
  const m = String(d ?? "").match(/^(?:PT)?([0-9.]+)\s*(ms|s|m|h)?$/i);
  if (!m) return NaN;
  return Number(m[1]) * ({ ms: 0.001, s: 1, m: 60, h: 3600 }[(m[2] ?? "s").toLowerCase()]);
};
const matches = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
  (selector?.matchExpressions ?? []).every((e) =>
    e.operator === "In" ? e.values.includes(labels?.[e.key])
      : e.operator === "NotIn" ? !e.values.includes(labels?.[e.key])
        : e.operator === "Exists" ? labels?.[e.key] !== undefined : labels?.[e.key] === undefined);

const services = Object.fromEntries(SERVICES.map((s) => [s, readService(repo, s)]));
const realmFile = JSON.parse(readFileSync(join(repo, "deploy/keycloak/newsdesk-realm.json"), "utf8"));
let topicConstants = null;
try {
  topicConstants = readTopicConstants(repo);
} catch (e) {
  topicConstants = { error: e.message };
}
const strimziDir = process.env.NEWSDESK_STRIMZI_CRDS;
const validator = new ManifestValidator({ strimziCrdDir: strimziDir });
const createSecretsScript = existsSync(join(k8s, "create-secrets.sh")) ? readFileSync(join(k8s, "create-secrets.sh"), "utf8") : "";
const deployDoc = existsSync(join(repo, "docs/deploy.md")) ? readFileSync(join(repo, "docs/deploy.md"), "utf8") : "";

// ---------- repository-level checks ----------

for (const s of SERVICES) {
  await check(`${s}: application.properties exists (the manifests are checked against it)`, () =>
    services[s].props ? [] : [`missing ${services[s].propsFile}`]);
}

await check("Topics.java is readable (its ALL list is the topic inventory)", () =>
  topicConstants.error ? [topicConstants.error] : []);

await check("realm imports are up to date with deploy/keycloak/*.json", () =>
  staleRealmImports().map((f) => `${f} is stale: run node deploy/check/gen-realm-import.mjs`));

await check("the production realm file has no users", () =>
  realmFile.users ? ["deploy/keycloak/newsdesk-realm.json lists users"] : []);

await check("docs/deploy.md exists with a capacity plan", () => {
  const p = [];
  if (!deployDoc) p.push("docs/deploy.md missing");
  else {
    if (!/^#+ .*capacity plan/im.test(deployDoc)) p.push("no 'Capacity plan' section");
    if (!/docs\/benchmarks\.md/.test(deployDoc)) p.push("the plan does not say where the benchmark figures come from");
  }
  return p;
});

const overlays = readdirSync(join(k8s, "overlays")).filter((d) => existsSync(join(k8s, "overlays", d, "kustomization.yaml"))).sort();
await check("at least the dev and prod overlays exist", () =>
  ["dev", "prod"].filter((o) => !overlays.includes(o)).map((o) => `overlays/${o} missing`));

await check("kustomize builds the base", () => {
  build(join(k8s, "base"));
  return [];
});

// ---------- per-overlay checks ----------

const built = {};
for (const overlay of overlays) {
  await check(`${overlay}: kustomize builds the overlay`, () => {
    built[overlay] = build(join(k8s, "overlays", overlay));
    return built[overlay].length ? [] : ["empty output"];
  });
}

for (const overlay of overlays) {
  const res = built[overlay];
  if (!res) continue;
  const all = (kind) => res.filter((r) => r.kind === kind);
  const one = (kind, name) => res.find((r) => r.kind === kind && r.metadata?.name === name);
  const ns = all("Namespace")[0]?.metadata?.name;
  const tag = (t) => `${overlay}: ${t}`;

  await check(tag("every resource validates against its schema"), async () => {
    const p = [];
    for (const r of res) {
      for (const e of await validator.validate(r)) p.push(`${r.kind}/${r.metadata?.name}: ${e}`);
    }
    return p;
  });

  await check(tag("one namespace, and every namespaced resource is in it"), () => {
    const p = [];
    if (all("Namespace").length !== 1) p.push(`expected one Namespace, found ${all("Namespace").length}`);
    for (const r of res) if (r.kind !== "Namespace" && r.metadata?.namespace !== ns) p.push(`${r.kind}/${r.metadata?.name} in ${r.metadata?.namespace}`);
    return p;
  });

  await check(tag("no secret value is committed (no Secret, no sensitive ConfigMap key)"), () => {
    const p = all("Secret").map((s) => `Secret/${s.metadata.name} in the manifests`);
    for (const cm of all("ConfigMap")) {
      for (const k of Object.keys(cm.data ?? {})) if (SENSITIVE_KEY.test(k)) p.push(`ConfigMap/${cm.metadata.name} has key ${k}`);
    }
    return p;
  });

  // Kafka
  const kafka = all("Kafka")[0];
  const plain = kafka?.spec?.kafka?.listeners?.find((l) => l.type === "internal" && l.tls === false);
  const bootstrap = kafka && plain ? `${kafka.metadata.name}-kafka-bootstrap:${plain.port}` : null;
  const pools = all("KafkaNodePool");
  const brokers = pools.filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  const topics = new Map(all("KafkaTopic").map((t) => [t.spec?.topicName ?? t.metadata.name, t]));

  await check(tag("Kafka runs in KRaft mode on node pools with controllers and brokers"), () => {
    const p = [];
    if (all("Kafka").length !== 1) return [`expected one Kafka, found ${all("Kafka").length}`];
    if (!plain) p.push("no plain internal listener for the services");
    if (!pools.some((x) => x.spec.roles.includes("controller"))) p.push("no controller node pool");
    if (brokers < 1) p.push("no broker node pool");
    for (const x of pools) if (x.metadata.labels?.["strimzi.io/cluster"] !== kafka.metadata.name) p.push(`KafkaNodePool/${x.metadata.name} not labelled for ${kafka.metadata.name}`);
    const rf = Number(kafka.spec.kafka.config?.["default.replication.factor"] ?? 1);
    if (rf > brokers) p.push(`default.replication.factor ${rf} > ${brokers} brokers`);
    return p;
  });

  await check(tag("KafkaTopics are exactly Topics.ALL, replicated within the broker count"), () => {
    if (topicConstants.error) return [topicConstants.error];
    const p = [];
    for (const t of topicConstants.all) if (!topics.has(t)) p.push(`topic ${t} (Topics.java) has no KafkaTopic`);
    for (const t of topics.keys()) if (!topicConstants.all.includes(t)) p.push(`KafkaTopic ${t} is not in Topics.ALL`);
    for (const [name, t] of topics) {
      if (t.metadata.labels?.["strimzi.io/cluster"] !== kafka?.metadata?.name) p.push(`${name}: strimzi.io/cluster label does not name the Kafka`);
      if (!(t.spec.replicas <= brokers)) p.push(`${name}: ${t.spec.replicas} replicas > ${brokers} brokers`);
      const isr = Number(t.spec.config?.["min.insync.replicas"] ?? 1);
      if (isr > t.spec.replicas) p.push(`${name}: min.insync.replicas ${isr} > replicas ${t.spec.replicas}`);
      if (!(t.spec.partitions >= 1)) p.push(`${name}: no partition count`);
    }
    if (topics.get("articles.ingested")?.spec?.partitions !== 24) p.push("articles.ingested must have 24 partitions (the NLP parallelism the capacity plan assumes)");
    return p;
  });

  // PostgreSQL
  const pg = all("Cluster")[0];
  const databases = new Map(); // db name -> owner
  if (pg?.spec?.bootstrap?.initdb?.database) databases.set(pg.spec.bootstrap.initdb.database, pg.spec.bootstrap.initdb.owner);
  for (const d of all("Database")) if (d.spec.cluster?.name === pg?.metadata?.name) databases.set(d.spec.name, d.spec.owner);
  const roleSecret = (role) => {
    if (pg?.spec?.bootstrap?.initdb?.owner === role) return pg.spec.bootstrap.initdb.secret?.name;
    return pg?.spec?.managed?.roles?.find((r) => r.name === role)?.passwordSecret?.name;
  };

  // Keycloak
  const kc = all("Keycloak")[0];
  const realmImports = all("KeycloakRealmImport");
  await check(tag("Keycloak imports the newsdesk realm into its own database"), () => {
    const p = [];
    if (!kc) return ["no Keycloak"];
    if (realmImports.length !== 1) p.push(`expected one KeycloakRealmImport, found ${realmImports.length}`);
    for (const ri of realmImports) {
      if (ri.spec.keycloakCRName !== kc.metadata.name) p.push(`${ri.metadata.name} targets ${ri.spec.keycloakCRName}`);
      if (ri.spec.realm.realm !== realmFile.realm) p.push(`realm ${ri.spec.realm.realm} is not ${realmFile.realm}`);
    }
    const db = kc.spec.db;
    if (db?.host !== `${pg?.metadata?.name}-rw`) p.push(`Keycloak db host ${db?.host} is not ${pg?.metadata?.name}-rw`);
    if (!databases.has(db?.database)) p.push(`database ${db?.database} is not created in ${pg?.metadata?.name}`);
    else if (roleSecret(databases.get(db.database)) !== db.usernameSecret?.name) p.push(`Keycloak's secret ${db.usernameSecret?.name} is not the one of role ${databases.get(db.database)}`);
    return p;
  });

  await check(tag(overlay === "prod" ? "no demo users in the production realm" : "the dev realm carries the devstack's demo users"), () => {
    const users = realmImports.flatMap((r) => r.spec.realm.users ?? []);
    if (overlay === "prod") return users.map((u) => `user ${u.username} in prod`);
    const demo = JSON.parse(readFileSync(join(repo, "deploy/keycloak/dev-users.json"), "utf8")).users.map((u) => u.username);
    return demo.filter((u) => !users.some((x) => x.username === u)).map((u) => `demo user ${u} missing`);
  });

  await check(tag("the web client's redirect URIs point at the overlay's UI host"), () => {
    const web = realmImports[0]?.spec?.realm?.clients?.find((c) => c.clientId === "newsdesk-web");
    const host = all("Ingress").flatMap((i) => i.spec.rules).find((r) => r.http.paths.some((x) => x.backend.service?.name === "query-service"))?.host;
    if (!web) return ["no newsdesk-web client"];
    return (web.redirectUris ?? []).some((u) => u.includes(`://${host}/`)) ? [] : [`no redirect URI on ${host}: ${web.redirectUris}`];
  });

  // Services
  const scaledObjects = all("ScaledObject");
  const hpas = all("HorizontalPodAutoscaler");
  const netpols = all("NetworkPolicy");
  const monitors = all("ServiceMonitor");
  for (const name of SERVICES) {
    const svc = services[name];
    const dep = one("Deployment", name);
    const t = (what) => tag(`${name}: ${what}`);
    if (!dep) {
      await check(t("has a Deployment"), () => ["missing"]);
      continue;
    }
    const pod = dep.spec.template;
    const c = pod.spec.containers.find((x) => x.name === name) ?? pod.spec.containers[0];
    const configMaps = (c.envFrom ?? []).map((e) => e.configMapRef && one("ConfigMap", e.configMapRef.name)).filter(Boolean);
    const env = new Map();
    for (const cm of configMaps) for (const [k, v] of Object.entries(cm.data ?? {})) env.set(k, { value: v });
    for (const e of c.env ?? []) env.set(e.name, e.value !== undefined ? { value: e.value } : { from: e.valueFrom });
    const httpPort = c.ports?.find((p) => p.name === "http")?.containerPort;

    await check(t("runs non-root on a read-only root filesystem, no privileges"), () => {
      const p = [];
      const ps = pod.spec.securityContext ?? {};
      const cs = c.securityContext ?? {};
      if (ps.runAsNonRoot !== true && cs.runAsNonRoot !== true) p.push("runAsNonRoot not set");
      if (cs.readOnlyRootFilesystem !== true) p.push("readOnlyRootFilesystem not true");
      if (cs.allowPrivilegeEscalation !== false) p.push("allowPrivilegeEscalation not false");
      if (!(cs.capabilities?.drop ?? []).includes("ALL")) p.push("capabilities not dropped");
      if ((ps.seccompProfile ?? cs.seccompProfile)?.type !== "RuntimeDefault") p.push("no RuntimeDefault seccomp profile");
      if (!(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) p.push("no writable /tmp");
      return p;
    });

    await check(t("has CPU and memory requests and limits"), () => {
      const p = [];
      for (const r of ["cpu", "memory"]) {
        const req = parseQuantity(c.resources?.requests?.[r]);
        const lim = parseQuantity(c.resources?.limits?.[r]);
        if (Number.isNaN(req)) p.push(`no ${r} request`);
        if (Number.isNaN(lim)) p.push(`no ${r} limit`);
        if (req > lim) p.push(`${r} request above limit`);
      }
      return p;
    });

    await check(t("image has an explicit tag"), () => {
      const m = c.image.match(/^(.*\/)?[^/:@]+(:([^/@]+))?(@sha256:.+)?$/);
      return m && (m[3] || m[4]) && m[3] !== "latest" ? [] : [`image ${c.image}`];
    });

    if (!svc.props) continue;
    const paths = servicePaths(svc.props);
    const refs = envReferences(svc.props);
    const declared = sourceChannels(repo, name, topicConstants.constants);
    const channels = kafkaChannels(svc.props, svc.applicationName, declared ?? []);

    await check(t("port, Service and probes match application.properties"), () => {
      const p = [];
      if (paths.managementEnabled) p.push("quarkus.management.enabled=true moves health to the management port: update the probes");
      if (httpPort !== paths.port) p.push(`containerPort ${httpPort} != quarkus.http.port ${paths.port}`);
      const service = one("Service", name);
      const sp = service?.spec?.ports?.find((x) => x.name === "http");
      if (!service) p.push("no Service");
      else {
        if (!matches({ matchLabels: service.spec.selector }, pod.metadata.labels)) p.push("Service does not select the pods");
        if (sp?.port !== paths.port) p.push(`Service port ${sp?.port} != ${paths.port}`);
        if (sp?.targetPort !== "http" && sp?.targetPort !== paths.port) p.push(`Service targetPort ${sp?.targetPort}`);
      }
      for (const [probe, path] of [["startupProbe", paths.started], ["livenessProbe", paths.live], ["readinessProbe", paths.ready]]) {
        const h = c[probe]?.httpGet;
        if (!h) p.push(`no ${probe}`);
        else {
          if (h.path !== path) p.push(`${probe} path ${h.path} != ${path}`);
          if (h.port !== "http" && h.port !== paths.port) p.push(`${probe} port ${h.port}`);
        }
      }
      return p;
    });

    await check(t("sets every environment variable the service requires, and none it ignores"), () => {
      const p = [];
      for (const ref of refs.values()) {
        if (!ref.hasDefault && !env.has(ref.name)) p.push(`${ref.name} (used by ${ref.keys.join(", ")}) is not set`);
      }
      for (const k of env.keys()) {
        if (!refs.has(k) && !PLATFORM_ENV.test(k)) p.push(`${k} is set but application.properties never reads it (renamed?)`);
      }
      for (const [key, value] of svc.props) {
        const direct = key.toUpperCase().replace(/[^A-Z0-9]/g, "_");
        const via = [...value.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]).find((r) => r !== direct);
        if (via && env.has(direct)) p.push(`${direct} overrides ${key} directly; application.properties reads it from \${${via}}`);
      }
      for (const k of ["NEWSDESK_DB_URL", "KAFKA_BOOTSTRAP_SERVERS", "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID"]) {
        if (refs.has(k) && !env.has(k)) p.push(`${k} is read by the service but left to its default (${resolveDefault(`\${${k}:}`)}); a cluster needs its own value`);
      }
      return p;
    });

    await check(t("secrets come from Secrets that create-secrets.sh and docs/deploy.md name"), () => {
      const p = [];
      for (const [k, v] of env) {
        if (SENSITIVE_KEY.test(k) && !v.from?.secretKeyRef) p.push(`${k} is not read from a Secret`);
        const s = v.from?.secretKeyRef?.name;
        if (s && !createSecretsScript.includes(s)) p.push(`Secret ${s} is not created by deploy/k8s/create-secrets.sh`);
        if (s && !deployDoc.includes(s)) p.push(`Secret ${s} is not described in docs/deploy.md`);
      }
      return p;
    });

    await check(t("Kafka address, topics and consumer groups match the cluster"), () => {
      const p = [];
      if (channels.length && !refs.has("KAFKA_BOOTSTRAP_SERVERS") && !svc.props.has("kafka.bootstrap.servers")) p.push("no kafka.bootstrap.servers in application.properties");
      if (env.has("KAFKA_BOOTSTRAP_SERVERS") && env.get("KAFKA_BOOTSTRAP_SERVERS").value !== bootstrap) p.push(`KAFKA_BOOTSTRAP_SERVERS=${env.get("KAFKA_BOOTSTRAP_SERVERS").value}, the cluster's is ${bootstrap}`);
      for (const ch of channels) {
        if (ch.pattern) {
          if (![...topics.keys()].some((t) => ch.pattern.test(t))) p.push(`channel ${ch.name}'s pattern ${ch.topic} matches no KafkaTopic`);
        } else {
          for (const t of ch.topics) if (!topics.has(t)) p.push(`${ch.direction} channel ${ch.name} uses topic ${t}, which has no KafkaTopic`);
        }
        if (ch.deadLetterTopic && !topics.has(ch.deadLetterTopic)) p.push(`channel ${ch.name} dead-letters to ${ch.deadLetterTopic}, which has no KafkaTopic`);
        if (ch.groupId && ch.groupId !== name) p.push(`channel ${ch.name} consumes as group ${ch.groupId}, the convention is ${name}`);
      }
      if (channels.length && pod.metadata.labels?.["newsdesk.org/kafka-client"] !== "true") p.push("pods lack newsdesk.org/kafka-client=true, Kafka's network policy would refuse them");
      return p;
    });

    await check(t("database, owner role and Secret exist in the PostgreSQL cluster"), () => {
      const p = [];
      const url = env.get("NEWSDESK_DB_URL")?.value;
      if (!refs.has("NEWSDESK_DB_URL")) return env.has("NEWSDESK_DB_URL") ? ["NEWSDESK_DB_URL set for a service without a database"] : [];
      const m = url?.match(/^jdbc:postgresql:\/\/([^:/]+)(?::(\d+))?\/([^?]+)/);
      if (!m) return [`NEWSDESK_DB_URL ${url} is not a PostgreSQL JDBC URL`];
      if (m[1] !== `${pg?.metadata?.name}-rw`) p.push(`host ${m[1]} is not ${pg?.metadata?.name}-rw (the primary)`);
      if (!databases.has(m[3])) p.push(`database ${m[3]} is not created in ${pg?.metadata?.name}`);
      else {
        const secret = roleSecret(databases.get(m[3]));
        const user = env.get("NEWSDESK_DB_USER")?.from?.secretKeyRef;
        const pass = env.get("NEWSDESK_DB_PASSWORD")?.from?.secretKeyRef;
        if (user?.name !== secret || user?.key !== "username") p.push(`NEWSDESK_DB_USER should come from ${secret}/username`);
        if (pass?.name !== secret || pass?.key !== "password") p.push(`NEWSDESK_DB_PASSWORD should come from ${secret}/password`);
      }
      return p;
    });

    await check(t("OIDC server URL and client id exist in the realm"), () => {
      const p = [];
      const url = env.get("OIDC_AUTH_SERVER_URL")?.value;
      if (refs.has("OIDC_AUTH_SERVER_URL") && url !== `http://${kc?.metadata?.name}-service:8080/realms/${realmFile.realm}`) p.push(`OIDC_AUTH_SERVER_URL ${url} is not Keycloak's in-cluster realm URL`);
      const client = env.get("OIDC_CLIENT_ID")?.value;
      if (client && !realmFile.clients.some((x) => x.clientId === client)) p.push(`client ${client} is not in the realm`);
      return p;
    });

    await check(t("shuts down gracefully within its grace period"), () => {
      const timeout = parseDuration(env.get("QUARKUS_SHUTDOWN_TIMEOUT")?.value ?? resolveDefault(svc.props.get("quarkus.shutdown.timeout"), svc.props));
      const sleep = Number(c.lifecycle?.preStop?.exec?.command?.[1] ?? c.lifecycle?.preStop?.sleep?.seconds ?? 0);
      const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
      if (Number.isNaN(timeout)) return ["no quarkus.shutdown.timeout: Quarkus would stop without waiting for work in flight"];
      return sleep + timeout < grace ? [] : [`preStop ${sleep}s + shutdown ${timeout}s >= grace period ${grace}s`];
    });

    await check(t("has a PodDisruptionBudget, a NetworkPolicy and a ServiceMonitor"), () => {
      const p = [];
      const labels = pod.metadata.labels;
      if (!all("PodDisruptionBudget").some((b) => matches(b.spec.selector, labels))) p.push("no PodDisruptionBudget selects the pods");
      const np = netpols.filter((n) => matches(n.spec.podSelector, labels) && Object.keys(n.spec.podSelector.matchLabels ?? {}).length);
      if (!np.length) p.push("no NetworkPolicy selects the pods");
      for (const n of np) {
        if (!(n.spec.policyTypes ?? []).includes("Egress")) p.push(`${n.metadata.name} does not restrict egress`);
        const egressPorts = (n.spec.egress ?? []).flatMap((e) => (e.ports ?? []).map((x) => x.port));
        if (channels.length && !egressPorts.includes(plain?.port)) p.push(`${n.metadata.name} does not let the pods reach Kafka on ${plain?.port}`);
        if (refs.has("NEWSDESK_DB_URL") && !egressPorts.includes(5432)) p.push(`${n.metadata.name} does not let the pods reach PostgreSQL`);
        const ingressPorts = (n.spec.ingress ?? []).flatMap((e) => (e.ports ?? []).map((x) => x.port));
        if (!ingressPorts.every((x) => x === "http" || x === paths.port)) p.push(`${n.metadata.name} opens ports other than http`);
      }
      if (refs.has("NEWSDESK_DB_URL")) {
        const pgPolicy = netpols.find((n) => matches(n.spec.podSelector, { "cnpg.io/cluster": pg?.metadata?.name }));
        if (pgPolicy && !pgPolicy.spec.ingress.some((r) => (r.from ?? []).some((f) => f.podSelector && !f.namespaceSelector && matches(f.podSelector, labels)))) p.push(`${pgPolicy.metadata.name} does not admit the pods`);
      }
      const service = one("Service", name);
      const sm = monitors.find((m) => matches(m.spec.selector, service?.metadata?.labels));
      if (!sm) p.push("no ServiceMonitor selects the Service");
      else {
        const ep = sm.spec.endpoints.find((e) => service.spec.ports.some((x) => x.name === e.port));
        if (!ep) p.push("the ServiceMonitor's port is not a port of the Service");
        else if ((ep.path ?? "/metrics") !== paths.metrics) p.push(`ServiceMonitor path ${ep.path} != ${paths.metrics}`);
      }
      return p;
    });

    const autoscalers = [
      ...scaledObjects.filter((s) => s.spec.scaleTargetRef.name === name),
      ...hpas.filter((h) => h.spec.scaleTargetRef.name === name),
    ];
    if (name === "nlp-service" || autoscalers.length) {
      await check(t("scales between 1 and the partitions of the topic it consumes"), () => {
        const p = [];
        const consumed = channels.filter((ch) => ch.direction === "incoming");
        if (autoscalers.length !== 1) return [`expected exactly one autoscaler, found ${autoscalers.length}`];
        const a = autoscalers[0];
        const trig = a.kind === "ScaledObject" ? a.spec.triggers.find((x) => x.type === "kafka") : null;
        // Until the service declares its consumer, fall back on what SmallRye would do: group id =
        // quarkus.application.name; the topic must at least be one of Topics.ALL.
        const consumedOrDefault = consumed.length ? consumed
          : [{ topic: trig?.metadata?.topic ?? "articles.ingested", groupId: svc.applicationName, offsetReset: null, assumed: true }];
        if (dep.spec.replicas !== undefined) p.push("the Deployment sets replicas, which fights the autoscaler on every apply");
        const min = a.kind === "ScaledObject" ? a.spec.minReplicaCount : a.spec.minReplicas;
        const max = a.kind === "ScaledObject" ? a.spec.maxReplicaCount : a.spec.maxReplicas;
        if (!(min >= 1)) p.push(`min ${min}: at least one worker must keep consuming`);
        for (const ch of consumedOrDefault) {
          for (const t of ch.topics ?? [ch.topic]) {
            const parts = topics.get(t)?.spec?.partitions;
            if (!(max <= parts)) p.push(`max ${max} > ${parts} partitions of ${t}: extra workers would idle`);
          }
        }
        if (a.kind === "ScaledObject") {
          if (!trig) return [...p, "no kafka trigger"];
          const m = trig.metadata;
          const ch = consumedOrDefault.find((x) => (x.topics ?? [x.topic]).includes(m.topic));
          if (!ch) p.push(`trigger topic ${m.topic} is not consumed by ${name}`);
          else {
            if (m.consumerGroup !== ch.groupId) p.push(`trigger group ${m.consumerGroup} != ${ch.groupId}`);
            if (ch.offsetReset && (m.offsetResetPolicy ?? "latest") !== ch.offsetReset) p.push(`offsetResetPolicy ${m.offsetResetPolicy} != the service's auto.offset.reset ${ch.offsetReset}`);
            if (!topicConstants.error && !topicConstants.all.includes(m.topic)) p.push(`trigger topic ${m.topic} is not in Topics.ALL`);
          }
          const expected = `${kafka?.metadata?.name}-kafka-bootstrap.${ns}.svc:${plain?.port}`;
          if (m.bootstrapServers !== expected) p.push(`bootstrapServers ${m.bootstrapServers} != ${expected} (KEDA runs in its own namespace)`);
          if (!(Number(m.lagThreshold) > 0)) p.push("lagThreshold must be positive");
        }
        return p;
      });
    }
  }
}

// ---------- images ----------

const prodImages = (built.prod ?? []).filter((r) => r.kind === "Deployment").map((d) => [d.metadata.name, d.spec.template.spec.containers[0].image]);
for (const name of SERVICES) {
  const svc = services[name];
  await check(`${name}: Dockerfiles run non-root and expose the service's port`, () => {
    const p = [];
    const port = svc.props ? servicePaths(svc.props).port : null;
    if (!svc.jvm) p.push("no src/main/docker/Dockerfile.jvm");
    for (const [variant, text] of [["jvm", svc.jvm], ["native", svc.native]]) {
      if (!text) continue;
      const users = [...text.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
      const last = users.at(-1);
      if (!last || !/^[1-9][0-9]*$/.test(last)) p.push(`Dockerfile.${variant}: last USER ${last} is not a numeric non-root uid`);
      const exposed = [...text.matchAll(/^EXPOSE\s+(\d+)/gm)].map((m) => Number(m[1]));
      if (port && !exposed.includes(port)) p.push(`Dockerfile.${variant}: EXPOSE ${exposed} != ${port}`);
    }
    const image = prodImages.find(([n]) => n === name)?.[1] ?? "";
    if (/-native$/.test(image) && !svc.native) p.push(`prod runs ${image} but there is no Dockerfile.native`);
    if (name === "nlp-service" && (svc.native || /-native$/.test(image))) p.push("nlp-service is JVM-only (CoreNLP reflection and serialized models)");
    return p;
  });
}

console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
