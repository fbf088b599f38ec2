package org.newsdesk.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.newsdesk.devstack.SuiteServices;

import org.newsdesk.nlp.annotation.ArticleAnnotator;

/**
 * Throughput with a second nlp-service instance: two JVMs, each with its own annotator and one worker thread,
 * annotate halves of the same texts at the same time, as two consumers of one group split the partitions. Each
 * child loads and warms up, reports ready, waits for "go", annotates and reports its seconds; the figure is the total
 * tokens over the slower child's time, so model loading is not counted (as it is not in a running service).
 */
final class SecondInstance {

    private SecondInstance() {
    }

    /** Seconds until both instances finished their half of the first {@code articles} corpus texts. */
    static double annotateInTwoJvms(int articles) throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int half = 0; half < 2; half++) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(SuiteServices.jvmArguments(SuiteServices.NLP_JVM_OPTIONS));
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    SecondInstance.class.getName(), Integer.toString(articles), Integer.toString(half)));
            Process p = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            children.add(p);
            outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }
        try {
            for (BufferedReader out : outputs) {
                awaitLine(out, "ready");
            }
            for (Process p : children) {
                Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
                in.write("go\n");
                in.flush();
            }
            double slowest = 0;
            for (BufferedReader out : outputs) {
                slowest = Math.max(slowest, Double.parseDouble(awaitLine(out, "seconds ").substring(8)));
            }
            System.out.printf("two instances: %.1f s%n", slowest);
            return slowest;
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("a benchmark instance ended before saying '" + prefix.trim() + "'");
    }

    /** The child: {@code <articles> <half>}; annotates every second text starting at {@code half}. */
    public static void main(String[] args) throws Exception {
        int articles = Integer.parseInt(args[0]);
        int half = Integer.parseInt(args[1]);
        List<String> all = BbcCorpus.load(articles).articles().stream().map(a -> a.title() + "\n\n" + a.text()).toList();
        List<String> mine = new ArrayList<>();
        for (int i = half; i < all.size(); i += 2) {
            mine.add(all.get(i));
        }
        ArticleAnnotator annotator = new ArticleAnnotator();
        OffsetDateTime published = OffsetDateTime.parse("2005-01-15T12:00:00Z");
        NlpThroughput.annotateAll(annotator, mine.subList(0, Math.min(10, mine.size())), published, 1);
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        awaitLine(in, "go");
        double seconds = NlpThroughput.annotateAll(annotator, mine, published, 1).wallSeconds();
        System.out.println("seconds " + seconds);
        System.exit(0);
    }
}
