package org.newsdesk.nlp.annotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/** The seed articles of the repository and the fast CoreNLP configuration the tests annotate them with. */
final class SeedArticles {

    private static final Path SEEDS = Path.of("../seeds");

    private SeedArticles() {
    }

    /** tokenize,ssplit,pos,lemma,ner in the fast configuration of NLP.md; load it once per test class. */
    static StanfordCoreNLP fastPipeline() {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ssplit.newlineIsSentenceBreak", "two");
        props.setProperty("ner.applyFineGrained", "false");
        props.setProperty("ner.useSUTime", "false");
        props.setProperty("ner.applyNumericClassifiers", "false");
        return new StanfordCoreNLP(props);
    }

    /** The text of the seed whose file name starts with {@code number}, e.g. "001". */
    static String text(String number) {
        try (Stream<Path> files = Files.list(SEEDS)) {
            Path seed = files.filter(p -> p.getFileName().toString().startsWith(number + "_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no seed " + number + " in "
                            + SEEDS.toAbsolutePath()));
            return Files.readString(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's text up to (not including) the first line that starts with {@code boilerplateStart}. */
    static String textBefore(String number, String boilerplateStart) {
        String text = text(number);
        int cut = text.indexOf(boilerplateStart);
        return cut < 0 ? text : text.substring(0, cut);
    }

    /**
     * The article body of a seed without the obvious site boilerplate: the related-links bullets of 000, the
     * newsletter line of 001, the cookie banner, player text and the two repeats of 004.
     */
    static String body(String number) {
        String text = text(number);
        return switch (number) {
            case "000" -> text.substring(0, text.indexOf("  • The WHO"));
            case "001" -> text.substring(0, text.indexOf("Get The Astana Times"));
            case "004" -> {
                int start = text.indexOf("Kazakh President Kassym-Zhomart Tokayev appealed");
                yield text.substring(start, text.indexOf("Kazakhstan: President Tokayev appeals", start));
            }
            default -> text;
        };
    }

    /** Non-blank blocks between blank lines. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static CoreDocument annotate(StanfordCoreNLP pipeline, String text) {
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        return doc;
    }
}
