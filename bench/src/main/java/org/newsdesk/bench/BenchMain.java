package org.newsdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsdesk.devstack.ApiClient;
import org.newsdesk.devstack.ProjectLayout;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./newsdesk bench}: measures, then writes {@code docs/benchmarks.md} (with the machine, date and
 * commit) and the medians to {@code docs/benchmarks.json}. Parts: {@code nlp} (in-process annotation
 * throughput against CoreNLP), {@code ingest} (ingest alone, cold and warm, on a stack of its own), {@code pipeline}
 * (the BBC corpus through fresh suites of its own) and {@code query} (query latencies of the running suite, on what it
 * has indexed). A part not run keeps its
 * previous figures in the JSON file; the Markdown says which run produced what.
 */
public final class BenchMain {

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? List.of("nlp", "pipeline") : Arrays.asList(args);
        int runs = Integer.getInteger("bench.runs", 3);
        Map<String, Measurements> results = new LinkedHashMap<>();
        if (parts.contains("nlp")) {
            BbcCorpus corpus = BbcCorpus.load(Integer.getInteger("bench.nlp.articles", 200));
            results.putAll(new NlpThroughput().run(corpus, runs, Integer.getInteger("bench.baseline.articles", 12)));
        }
        if (parts.contains("ingest")) {
            BbcCorpus corpus = BbcCorpus.load(Integer.MAX_VALUE);
            results.putAll(IngestThroughput.passes(corpus, Integer.getInteger("bench.ingest.passes", 8)));
        }
        if (parts.contains("pipeline")) {
            BbcCorpus corpus = BbcCorpus.load(Integer.MAX_VALUE);
            results.putAll(PipelineLoad.passes(corpus, Integer.getInteger("bench.pipeline.passes", 3), runs));
        }
        if (parts.contains("query")) {
            results.putAll(QueryLatency.onRunningSuite().run(runs));
        }
        write(results, parts, runs);
    }

    private static void write(Map<String, Measurements> results, List<String> parts, int runs) throws Exception {
        Path docs = ProjectLayout.root().resolve("docs");
        Files.createDirectories(docs);
        Path jsonFile = docs.resolve("benchmarks.json");
        ObjectNode json = Files.isRegularFile(jsonFile) ? (ObjectNode) ApiClient.JSON.readTree(jsonFile.toFile())
                : ApiClient.JSON.createObjectNode();
        for (Measurements m : results.values()) {
            int dot = m.name().indexOf('.');
            if (dot > 0) { // rss_mb.ingest, bytes_per_article.postgres_query: one object per prefix
                json.withObject(m.name().substring(0, dot)).put(m.name().substring(dot + 1), Math.round(m.median()));
            } else {
                json.put(m.name(), Math.round(m.median() * 100) / 100.0);
            }
        }
        Measurements ours = results.get("nlp_tokens_per_s_baseline_texts");
        if (ours != null) {
            json.put("nlp_vs_corenlp_ner_ratio", Math.round(ours.median() / results.get("corenlp_ner_tokens_per_s").median() * 10) / 10.0);
            json.put("nlp_vs_corenlp_quote_ratio", Math.round(ours.median() / results.get("corenlp_quote_tokens_per_s").median() * 10) / 10.0);
        }
        String machine = machine();
        json.put("machine", machine);
        json.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.put("commit", commit());
        ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValue(jsonFile.toFile(), json);

        // One section per part run, between markers, so that running one part keeps the other's section.
        StringBuilder section = new StringBuilder();
        section.append("## ").append(String.join(" and ", parts)).append("\n\n")
                .append("Measured by `./newsdesk bench ").append(String.join(" ", parts)).append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)).append(".\n\n")
                .append("- Machine: ").append(machine).append('\n')
                .append("- Commit: `").append(commit()).append("`\n")
                .append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n')
                .append("- Each figure is the median of ").append(runs).append(" runs unless it says otherwise, with min and max.\n\n")
                .append("| figure | value |\n|---|---|\n");
        results.values().forEach(m -> section.append("| `").append(m.name()).append("` | ").append(m.summary()).append(" |\n"));
        String key = String.join("+", parts);
        Path mdFile = docs.resolve("benchmarks.md");
        String previous = Files.isRegularFile(mdFile) ? Files.readString(mdFile) : "";
        Files.writeString(mdFile, withSection(previous, key, section.toString()));
        System.out.println(section);
    }

    static final String HEADER = "# Benchmarks\n\nWritten by `./newsdesk bench`; each part's section is replaced when that part runs"
            + " again. The medians are also in `docs/benchmarks.json`. How each figure is measured:"
            + " `bench/src/main/java/org/newsdesk/bench/`.\n";

    /** The report with {@code section} put in place of the same part's earlier section (or appended). */
    static String withSection(String previous, String key, String section) {
        String begin = "<!-- part:" + key + " -->\n";
        String end = "<!-- /part:" + key + " -->\n";
        String body = previous.startsWith("# Benchmarks") && previous.contains("<!-- part:") ? previous : HEADER;
        int from = body.indexOf(begin);
        int to = body.indexOf(end);
        if (from >= 0 && to > from) {
            return body.substring(0, from) + begin + section + end + body.substring(to + end.length());
        }
        return body + "\n" + begin + section + end;
    }

    static String machine() throws Exception {
        String cpu = "unknown CPU";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        }
        long memoryGb = Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / 1024.0 / 1024 / 1024);
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memoryGb + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static String commit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").directory(ProjectLayout.root().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
