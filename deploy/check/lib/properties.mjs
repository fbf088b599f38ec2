// Reads what the Kubernetes manifests must agree with: the services' application.properties,
// the topic constants of contracts' Topics.java, and the service modules' Dockerfiles.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** Parses a .properties file into key -> value (continuation lines and escapes handled). */
export function parseProperties(text) {
  const props = new Map();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, "");
    if (!line || line.startsWith("#") || line.startsWith("!")) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, "");
    }
    const m = line.match(/^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/);
    if (!m) {
      props.set(line.replace(/\\(.)/g, "$1"), "");
      continue;
    }
    props.set(m[1].replace(/\\(.)/g, "$1"), m[2].replace(/\\(.)/g, "$1").trimEnd());
  }
  return props;
}

/**
 * The configuration that applies in production: unprefixed keys overlaid by %prod. keys
 * (other profiles are ignored).
 */
export function prodProperties(props) {
  const out = new Map();
  for (const [k, v] of props) if (!k.startsWith("%")) out.set(k, v);
  for (const [k, v] of props) if (k.startsWith("%prod.")) out.set(k.slice(6), v);
  return out;
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)(?::([^}]*))?\}/g;

/** Environment variables referenced by ${NAME} or ${NAME:default} in upper-case names. */
export function envReferences(props) {
  const refs = new Map();
  for (const [key, value] of props) {
    for (const m of value.matchAll(ENV_REF)) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(m[1])) continue; // ${other.property} is not an env var
      const ref = refs.get(m[1]) ?? { name: m[1], keys: [], hasDefault: true };
      ref.keys.push(key);
      if (m[2] === undefined) ref.hasDefault = false;
      refs.set(m[1], ref);
    }
  }
  return refs;
}

/** Resolves ${NAME:default} to its default (env/property lookups are not known offline). */
export function resolveDefault(value, props) {
  if (value === undefined) return undefined;
  return value.replace(ENV_REF, (_, name, def) => (props?.has(name) ? props.get(name) : def ?? ""));
}

/** Messaging channels: name, direction, topic, group id, offset reset, dead-letter topic. */
export function kafkaChannels(props, applicationName, declared = []) {
  const channels = new Map();
  for (const d of declared) channels.set(`${d.direction}:${d.name}`, { direction: d.direction, name: d.name });
  for (const key of props.keys()) {
    const m = key.match(/^mp\.messaging\.(incoming|outgoing)\.("[^"]+"|[^.]+)\.(.+)$/);
    if (!m) continue;
    const name = m[2].replace(/"/g, "");
    const id = `${m[1]}:${name}`;
    if (!channels.has(id)) channels.set(id, { direction: m[1], name });
  }
  const get = (c, attr) => resolveDefault(props.get(`mp.messaging.${c.direction}.${c.name}.${attr}`), props);
  const out = [];
  for (const c of channels.values()) {
    const connector = get(c, "connector") ?? "smallrye-kafka";
    if (connector !== "smallrye-kafka") continue;
    // SmallRye Kafka: "topic", or "topics" (a comma-separated list, incoming only), or "topic" as
    // a regular expression when "pattern" is true; the channel name when none is set.
    const listed = get(c, "topics")?.split(",").map((t) => t.trim()).filter(Boolean);
    const topic = get(c, "topic") ?? (listed?.length ? undefined : c.name);
    out.push({
      ...c,
      topic,
      topics: listed?.length ? listed : [topic],
      pattern: get(c, "pattern") === "true" ? new RegExp(`^(?:${topic})$`) : null,
      groupId: c.direction === "incoming"
        ? get(c, "group.id") ?? resolveDefault(props.get("kafka.group.id"), props) ?? applicationName
        : undefined,
      offsetReset: c.direction === "incoming"
        ? get(c, "auto.offset.reset") ?? resolveDefault(props.get("kafka.auto.offset.reset"), props) ?? "latest"
        : undefined,
      deadLetterTopic: get(c, "failure-strategy") === "dead-letter-queue"
        ? get(c, "dead-letter-queue.topic") ?? `dead-letter-topic-${c.name}`
        : undefined,
    });
  }
  return out;
}

/** The string constants of contracts' Topics.java and its ALL list, by evaluating the simple expressions. */
export function readTopicConstants(repo) {
  const file = join(repo, "contracts/src/main/java/org/newsdesk/contracts/Topics.java");
  const src = readFileSync(file, "utf8");
  const consts = new Map();
  for (const m of src.matchAll(/static\s+final\s+String\s+([A-Z_][A-Z0-9_]*)\s*=\s*([^;]+);/g)) {
    const value = m[2].split("+").map((part) => {
      const p = part.trim();
      if (p.startsWith('"')) return JSON.parse(p);
      if (!consts.has(p)) throw new Error(`Topics.java: cannot resolve ${p}`);
      return consts.get(p);
    }).join("");
    consts.set(m[1], value);
  }
  const all = src.match(/ALL\s*=\s*[\w.]*List\.of\(([^)]*)\)/);
  if (!all) throw new Error("Topics.java: no ALL list");
  const topics = all[1].split(",").map((s) => s.trim()).filter(Boolean).map((n) => {
    if (!consts.has(n)) throw new Error(`Topics.java: ALL names unknown constant ${n}`);
    return consts.get(n);
  });
  return { constants: consts, all: topics };
}

/** Reads one service module: production properties, artifactId, Dockerfiles. */
export function readService(repo, name) {
  const dir = join(repo, name);
  const propsFile = join(dir, "src/main/resources/application.properties");
  const pom = existsSync(join(dir, "pom.xml")) ? readFileSync(join(dir, "pom.xml"), "utf8") : "";
  const artifactId = pom.replace(/<parent>[\s\S]*?<\/parent>/, "").match(/<artifactId>([^<]+)<\/artifactId>/)?.[1] ?? name;
  const dockerfile = (variant) => {
    const f = join(dir, `src/main/docker/Dockerfile.${variant}`);
    return existsSync(f) ? readFileSync(f, "utf8") : null;
  };
  if (!existsSync(propsFile)) {
    return { name, artifactId, propsFile, props: null, jvm: dockerfile("jvm"), native: dockerfile("native") };
  }
  const all = parseProperties(readFileSync(propsFile, "utf8"));
  const props = prodProperties(all);
  const applicationName = resolveDefault(props.get("quarkus.application.name"), props) ?? artifactId;
  return {
    name, artifactId, propsFile, props, applicationName,
    jvm: dockerfile("jvm"), native: dockerfile("native"),
  };
}

/** Paths the service answers on, from Quarkus' defaults and the properties that move them. */
export function servicePaths(props) {
  const get = (k, d) => resolveDefault(props.get(k), props) ?? d;
  const join2 = (a, b) => (b.startsWith("/") ? b : `${a.replace(/\/$/, "")}/${b}`);
  const root = get("quarkus.http.root-path", "/");
  const nonApp = join2(root, get("quarkus.http.non-application-root-path", "q"));
  const health = join2(nonApp, get("quarkus.smallrye-health.root-path", "health"));
  return {
    port: Number(get("quarkus.http.port", "8080")),
    live: join2(health, get("quarkus.smallrye-health.liveness-path", "live")),
    ready: join2(health, get("quarkus.smallrye-health.readiness-path", "ready")),
    started: join2(health, get("quarkus.smallrye-health.startup-path", "started")),
    metrics: join2(nonApp, get("quarkus.micrometer.export.prometheus.path", "metrics")),
    managementEnabled: get("quarkus.management.enabled", "false") === "true",
  };
}

/**
 * Channel names declared in a service's Java sources (@Incoming, @Outgoing, @Channel on an
 * Emitter), resolved through contracts' Topics constants. Returns null when the module has no
 * Java sources yet.
 */
export function sourceChannels(repo, name, topicConstants) {
  const root = join(repo, name, "src/main/java");
  if (!existsSync(root)) return null;
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(".java")) files.push(join(d, e.name));
    }
  };
  walk(root);
  if (!files.length) return null;
  const resolve = (arg) => {
    const a = arg.trim();
    if (a.startsWith('"')) return JSON.parse(a);
    const constant = a.replace(/^(org\.newsdesk\.contracts\.)?Topics\./, "");
    return topicConstants?.get(constant) ?? null;
  };
  const found = [];
  for (const f of files) {
    const src = readFileSync(f, "utf8");
    for (const m of src.matchAll(/@(Incoming|Outgoing|Channel)\(\s*([^)]+?)\s*\)(\s*[\w<>?,\s.]*?Emitter)?/g)) {
      const name = resolve(m[2]);
      if (!name) continue;
      const direction = m[1] === "Incoming" ? "incoming" : m[1] === "Outgoing" || m[3] ? "outgoing" : "incoming";
      found.push({ direction, name, file: f });
    }
  }
  return found;
}
