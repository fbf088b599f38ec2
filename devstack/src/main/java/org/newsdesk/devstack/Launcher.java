package org.newsdesk.devstack;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Java side of {@code ./newsdesk}: starts and stops the suite, and the small client commands
 * (token, ingest, search). The shell script finds a JDK, builds, and hands over here.
 */
public final class Launcher {

    private static final PrintStream OUT = System.out;

    public static void main(String[] args) {
        try {
            System.exit(run(Arrays.asList(args)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("newsdesk: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("newsdesk: " + e);
            System.exit(1);
        }
    }

    static int run(List<String> args) throws Exception {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command; see ./newsdesk help");
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        Devstack dev = Devstack.forProfile("dev");
        SuiteServices services = new SuiteServices(dev.settings(), ProjectLayout.root());
        return switch (command) {
            case "up" -> up(dev, services, !rest.contains("--no-seeds"));
            case "down" -> down(dev, services);
            case "status" -> status(dev, services);
            case "log-path" -> logPath(dev, services, single(rest, "SERVICE"));
            case "token" -> {
                OUT.println(tokens(dev).accessToken(single(rest, "USER"), System.getenv().getOrDefault("NEWSDESK_PASSWORD", single(rest, "USER"))));
                yield 0;
            }
            case "ingest" -> ingest(dev, rest);
            case "search" -> search(dev, String.join(" ", rest));
            case "infra-up" -> {
                Devstack.forProfile(profile(rest)).start(Launcher::progress);
                yield 0;
            }
            case "infra-down" -> {
                Devstack.forProfile(profile(rest)).stop(Launcher::progress);
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "'; see ./newsdesk help");
        };
    }

    private static int up(Devstack dev, SuiteServices services, boolean seeds) throws Exception {
        startSuite(dev, services, seeds);
        StackSettings s = dev.settings();
        OUT.printf("""

                Newsdesk is up.
                  Web UI and query API  %s/            (API docs: %s/q/swagger-ui)
                  Ingest API            %s/api/v1/articles
                  NLP API               %s/api/v1/annotate
                  Keycloak              %s/            (admin console: admin / admin)
                Demo users (password = user name): reader, editor (reader+editor), admin (all roles)
                Try:
                  TOKEN=$(./newsdesk token reader)
                  curl -H "Authorization: Bearer $TOKEN" '%s/api/v1/search?q=CSTO'
                Stop everything with ./newsdesk down
                """, SuiteServices.byName("query").url(), SuiteServices.byName("query").url(),
                SuiteServices.byName("ingest").url(), SuiteServices.byName("nlp").url(), s.keycloakUrl(),
                SuiteServices.byName("query").url());
        return 0;
    }

    /**
     * Starts what is not running of the stack's servers and the three services, then ingests {@code seeds/} when
     * asked and waits until those articles are indexed. The benchmark starts its own stacks through this too.
     */
    public static void startSuite(Devstack dev, SuiteServices services, boolean seeds) throws Exception {
        OUT.println("Starting the infrastructure (PostgreSQL, Kafka, Keycloak); a cold start takes a few minutes...");
        dev.start(Launcher::progress);
        OUT.println("Starting the services...");
        services.start(Launcher::progress);
        if (seeds) {
            Path seedDir = ProjectLayout.root().resolve("seeds");
            OUT.println("Ingesting " + seedDir + " ...");
            KeycloakTokens tokens = tokens(dev); // one cache: a login per request trips Keycloak's brute-force guard
            ApiClient editor = new ApiClient(() -> tokens.accessToken("editor"));
            String ingestUrl = SuiteServices.byName("ingest").url();
            List<ArticleUploader.Outcome> outcomes = new ArticleUploader(editor, ingestUrl, "seeds", OUT)
                    .upload(ArticleUploader.collect(List.of(seedDir)));
            awaitIndexed(editor, ingestUrl, outcomes.stream()
                    .filter(o -> o.id() != null && !o.status().equals("DUPLICATE") && !o.status().equals("EXISTING"))
                    .map(ArticleUploader.Outcome::id).toList());
        }
    }

    /** Stops the stack's services, then its servers; returns the names of what it stopped. */
    public static List<String> stopSuite(Devstack dev, SuiteServices services) throws Exception {
        List<String> stopped = new ArrayList<>(services.stop(Launcher::progress));
        stopped.addAll(dev.stop(Launcher::progress));
        return stopped;
    }

    /** Waits until each new article is INDEXED (or FAILED), printing the pipeline's progress. */
    private static void awaitIndexed(ApiClient api, String ingestUrl, List<String> ids) throws Exception {
        if (ids.isEmpty()) {
            OUT.println("Nothing new to index (already ingested).");
            return;
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        Map<String, String> status = new TreeMap<>();
        while (System.nanoTime() < deadline) {
            status.clear();
            for (String id : ids) {
                ApiClient.Reply reply = api.get(ingestUrl + "/api/v1/articles/" + id);
                status.put(id, reply.ok() ? reply.json().path("status").asText("?") : "HTTP " + reply.status());
            }
            Map<String, Long> counts = new TreeMap<>();
            status.values().forEach(v -> counts.merge(v, 1L, Long::sum));
            OUT.print("\rpipeline: " + counts + "          ");
            OUT.flush();
            if (status.values().stream().allMatch(v -> v.equals("INDEXED") || v.equals("FAILED"))) {
                break;
            }
            ManagedProcess.sleep(2000);
        }
        OUT.println();
        status.forEach((id, v) -> {
            if (!v.equals("INDEXED")) {
                OUT.println("  article " + id + " is " + v + " (see ./newsdesk logs ingest|nlp|query)");
            }
        });
    }

    private static int down(Devstack dev, SuiteServices services) throws Exception {
        List<String> stopped = stopSuite(dev, services);
        // A test run interrupted before its own clean-up leaves the test stack behind: stop it too.
        try {
            stopped.addAll(Devstack.forProfile("test").stop(line -> progress("test " + line)));
        } catch (Exception e) {
            System.err.println("newsdesk: could not stop the test stack: " + e.getMessage());
        }
        OUT.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
        return 0;
    }

    private static int status(Devstack dev, SuiteServices services) {
        for (InfraServer server : dev.servers()) {
            OUT.printf("%-15s %s%n", server.name(), server.isUp() ? "up" : "down");
        }
        for (SuiteServices.Service service : SuiteServices.ALL) {
            boolean ready = Probes.httpOk(service.url() + "/q/health/ready");
            boolean listening = Probes.portOpen(service.port());
            OUT.printf("%-15s %s%n", service.name(), ready ? "ready on " + service.url() : listening ? "starting" : "down");
        }
        return 0;
    }

    private static int logPath(Devstack dev, SuiteServices services, String name) {
        Path path = switch (name) {
            case "postgres" -> dev.postgres().log();
            case "kafka" -> dev.kafka().log();
            case "keycloak" -> dev.keycloak().log();
            default -> services.process(SuiteServices.byName(name)).logFile();
        };
        if (!Files.exists(path)) {
            throw new IllegalStateException("no log yet at " + path);
        }
        OUT.println(path);
        return 0;
    }

    private static int ingest(Devstack dev, List<String> args) throws Exception {
        String source = "local-files";
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--source") && i + 1 < args.size()) {
                source = args.get(++i);
            } else {
                paths.add(Path.of(args.get(i)));
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("usage: ./newsdesk ingest [--source NAME] PATH...");
        }
        String user = System.getenv().getOrDefault("NEWSDESK_USER", "editor");
        KeycloakTokens tokens = tokens(dev);
        ApiClient api = new ApiClient(() -> tokens.accessToken(user, System.getenv().getOrDefault("NEWSDESK_PASSWORD", user)));
        List<ArticleUploader.Outcome> outcomes = new ArticleUploader(api, SuiteServices.byName("ingest").url(), source, OUT)
                .upload(ArticleUploader.collect(paths));
        return outcomes.stream().anyMatch(o -> o.status().equals("FAILED")) ? 1 : 0;
    }

    private static int search(Devstack dev, String query) throws Exception {
        if (query.isBlank()) {
            throw new IllegalArgumentException("usage: ./newsdesk search QUERY");
        }
        String user = System.getenv().getOrDefault("NEWSDESK_USER", "reader");
        KeycloakTokens tokens = tokens(dev);
        ApiClient api = new ApiClient(() -> tokens.accessToken(user, System.getenv().getOrDefault("NEWSDESK_PASSWORD", user)));
        ApiClient.Reply reply = api.get(SuiteServices.byName("query").url() + "/api/v1/search?size=10&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        JsonNode json = reply.json();
        if (!reply.ok()) {
            throw new IllegalStateException("search failed (" + reply.status() + "): " + json.path("detail").asText(reply.body()));
        }
        OUT.println(json.path("total").asInt() + " articles match '" + query + "'");
        for (JsonNode item : json.path("items")) {
            OUT.printf("%n%s  %s  [%s]%n  %s%n", item.path("publishedAt").asText("").replaceAll("T.*", ""),
                    item.path("title").asText(), item.path("source").asText(""),
                    item.path("snippet").asText("").replace("<mark>", "\u001b[1m").replace("</mark>", "\u001b[0m"));
        }
        return 0;
    }

    private static KeycloakTokens tokens(Devstack dev) {
        return new KeycloakTokens(dev.settings().realmUrl());
    }

    private static String single(List<String> args, String what) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("expected one " + what);
        }
        return args.get(0);
    }

    private static String profile(List<String> args) {
        int i = args.indexOf("--profile");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : "dev";
    }

    private static void progress(String line) {
        OUT.println("  " + line);
    }
}
