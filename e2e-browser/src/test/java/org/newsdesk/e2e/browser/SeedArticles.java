package org.newsdesk.e2e.browser;

import static org.newsdesk.contracts.Annotation.EntityType.LOCATION;
import static org.newsdesk.contracts.Annotation.EntityType.MISC;
import static org.newsdesk.contracts.Annotation.EntityType.ORGANIZATION;
import static org.newsdesk.contracts.Annotation.EntityType.PERSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.ArticleIngested;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The articles the browser tests read: the five real seed articles (their clean body, as ingest would keep
 * it) with hand-made annotations of what is really in them, plus one article whose title and text carry
 * hostile markup. Vectors are real MiniLM vectors, so story clusters are the ones the pipeline would form.
 */
final class SeedArticles {

    /** One article to index, with the facts the tests look for. */
    record Seed(String key, ArticleAnnotated event) {

        UUID id() {
            return event.articleId();
        }

        String title() {
            return event.article().title();
        }
    }

    static final String HOSTILE_TITLE = "Wire item with <script>alert('title')</script> markup";

    private final Path seeds;
    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    SeedArticles(Path seeds) {
        this.seeds = seeds;
    }

    List<Seed> all() throws IOException {
        List<Seed> all = new ArrayList<>();
        all.add(seed000());
        all.add(seed001());
        all.add(seed002());
        all.add(seed003());
        all.add(seed004());
        all.add(hostile());
        return all;
    }

    private Seed seed000() throws IOException {
        String text = body("000_c3a031ffc7f09984.txt", "Kazakhstan's President Kassym-Jomart Tokayev has instructed", "  • The WHO");
        return seed("000", "Tokayev Orders 'Urgent Measures' for Security Following Putin's Address", "Vlast.kz",
                "https://vlast.kz/novosti/tokayev-urgent-measures.html", null, "2024-11-22T09:30:00Z", text, a -> a
                        .entity("t", "Kassym-Jomart Tokayev", PERSON, "Kassym-Jomart Tokayev")
                        .entity("su", "Serik Uali", PERSON, "Uali")
                        .entity("pu", "Vladimir Putin", PERSON, "Putin")
                        .entity("ob", "Olzhas Bektenov", PERSON)
                        .entity("rz", "Ruslan Zhaksylykov", PERSON)
                        .entity("ad", "Arkady Dubnov", PERSON, "Dubnov")
                        .entity("csto", "CSTO", ORGANIZATION)
                        .entity("km", "Kremlin", ORGANIZATION)
                        .entity("fb", "Facebook", ORGANIZATION)
                        .entity("kz", "Kazakhstan", LOCATION)
                        .entity("as", "Astana", LOCATION)
                        .entity("ru", "Russia", LOCATION)
                        .quote("For our state, the main strategic goal is to maintain stability, tranquility, law, and order. "
                                + "Kazakhstan has repeatedly advocated for resolving the issue of ending military actions between "
                                + "the two Slavic peoples through negotiations", "su", "wrote")
                        .date("November 21", "2024-11-21")
                        .date("November 22", "2024-11-22")
                        .date("November 27", "2024-11-27")
                        .keyphrases("urgent measures", "strategic facilities", "CSTO summit"));
    }

    private Seed seed001() throws IOException {
        String text = body("001_a627b55b507ddbbf.txt", "A meeting of the Security Council was held", "Get The Astana Times");
        return seed("001", "President Tokayev Vows Decisive Measures Against Terrorists Rampaging Through Almaty, Calls For "
                + "CSTO Support at the Security Council Meeting", "The Astana Times",
                "https://astanatimes.com/2022/01/president-tokayev-vows-decisive-measures/", null, "2022-01-06T18:00:00Z",
                text, a -> a
                        .entity("t", "Kassym-Jomart Tokayev", PERSON, "Tokayev")
                        .entity("np", "Nikol Pashinyan", PERSON, "Pashinyan")
                        .entity("cscouncil", "CSTO Collective Security Council", ORGANIZATION)
                        .entity("csto", "CSTO", ORGANIZATION)
                        .entity("cst", "Collective Security Treaty", MISC)
                        .entity("sc", "Security Council", ORGANIZATION)
                        .entity("nsc", "National Security Committee", ORGANIZATION)
                        .entity("mod", "Ministry of Defence", ORGANIZATION)
                        .entity("ak", "Akorda", ORGANIZATION)
                        .entity("fb", "Facebook", ORGANIZATION)
                        .entity("kz", "Kazakhstan", LOCATION, "Republic of Kazakhstan")
                        .entity("al", "Almaty", LOCATION)
                        .entity("ns", "Nur-Sultan", LOCATION)
                        .entity("arm", "Armenia", LOCATION)
                        .entity("by", "Belarus", LOCATION)
                        .entity("kg", "Kyrgyzstan", LOCATION)
                        .entity("ru", "Russia", LOCATION)
                        .entity("tj", "Tajikistan", LOCATION)
                        .quote("Therefore, we must launch a counter-terrorist operation with the goal of striking back [at the "
                                + "terrorists]. I am creating a counter-terrorism headquarters.", "t", "said")
                        .quote("Therefore, I consider an appeal to the CSTO partners absolutely appropriate and timely.", "t", "said")
                        .quote("I want to assure you that I will do my best as the President of the Republic of Kazakhstan to "
                                + "protect our vital interests.", "t", "concluded")
                        .quote("the CSTO Collective Security Council, in accordance with Article 4 of the Collective Security "
                                + "Treaty, decided to send the CSTO Collective Peacekeeping Forces to the Republic of Kazakhstan "
                                + "for a limited time", "np", "wrote")
                        .date("Jan. 6", "2022-01-06")
                        .date("May 15, 1992", "1992-05-15")
                        .date("January 2", "2022-01-02")
                        .fact("about five aircraft", "seized", 5, "about", "aircraft")
                        .keyphrases("counter-terrorist operation", "CSTO partners", "collective peacekeeping forces",
                                "liquefied gas"));
    }

    private Seed seed002() throws IOException {
        String text = body("002_c03b1abc0fed6640.txt", "During a phone discussion", "\n\n\nPavlova, O.");
        return seed("002", "Putin and Tokayev discuss bringing \u201corder\u201d to Kazakhstan", "Global Affairs Digest",
                "https://globalaffairsdigest.example/kazakhstan-order", null, "2022-01-09T07:15:00Z", text, a -> a
                        .entity("pu", "Vladimir Putin", PERSON, "Putin")
                        .entity("t", "Kassym-Jomart Tokayev", PERSON, "Tokayev")
                        .entity("nn", "Nursultan Nazarbayev", PERSON, "Nazarbayev")
                        .entity("au", "Aidos Ukibai", PERSON, "Ukibai")
                        .entity("am", "Askar Mamin", PERSON)
                        .entity("asm", "Alikhan Smailov", PERSON)
                        .entity("km", "Kremlin", ORGANIZATION)
                        .entity("tass", "TASS", ORGANIZATION)
                        .entity("kh", "Khabar 24", ORGANIZATION)
                        .entity("im", "Interior Ministry", ORGANIZATION)
                        .entity("sc", "Security Council", ORGANIZATION)
                        .entity("cnn", "CNN", ORGANIZATION)
                        .entity("nyt", "New York Times", ORGANIZATION)
                        .entity("sd", "State Department", ORGANIZATION)
                        .entity("kz", "Kazakhstan", LOCATION)
                        .entity("al", "Almaty", LOCATION)
                        .entity("ns", "Nur-Sultan", LOCATION, "Nursultan")
                        .entity("tal", "Taldykorgan", LOCATION)
                        .entity("su", "Soviet Union", LOCATION)
                        .quote("progressing towards stability.", "t", "informed")
                        .quote("The nation\u2019s leader is still in Kazakhstan\u2019s capital city of Nur-Sultan. Please refrain "
                                + "from disseminating erroneous data.", "au", "made the following statement")
                        .quote("The leader of the nation urges the people of Kazakhstan to unite behind the President of "
                                + "Kazakhstan.", "au", "said")
                        .date("January 5", "2022-01-05")
                        .date("January 10", "2022-01-10")
                        .date("January 7", "2022-01-07")
                        .date("March 2019", "2019-03")
                        .fact("18 police officers have been murdered", "killed", 18, null, "police officers")
                        .fact("748 have been wounded", "wounded", 748, null, "police officers")
                        .fact("More than 3,000 demonstrators have been arrested", "arrested", 3000, "more than", "demonstrators")
                        .keyphrases("state of emergency", "day of mourning", "Russia-led military bloc"));
    }

    private Seed seed003() throws IOException {
        String text = body("003_5c034f8eb71c6975.txt",
                "President Kassym-Jomart Tokayev has urged the Kazakh people to be ready to fight back against any threats "
                        + "to the country.\n", null);
        return seed("003", "Kazakh President Calls on People to Be Ready to Repel Any Threats", "Caspian News",
                "https://caspiannews.example/news/kazakh-president-calls-on-people", "Aybulat Musaev",
                "2022-10-26T10:00:00Z", text, a -> a
                        .entity("t", "Kassym-Jomart Tokayev", PERSON, "Tokayev")
                        .entity("zu", "Zhandos Umiraliyev", PERSON)
                        .entity("zm", "Zhanbolat Mamay", PERSON)
                        .entity("ak", "Akorda", ORGANIZATION)
                        .entity("dp", "Democratic Party", ORGANIZATION)
                        .entity("kz", "Kazakhstan", LOCATION)
                        .entity("al", "Almaty", LOCATION)
                        .quote("We must be ready to fight back if there are any threats to our country. Defending the motherland "
                                + "and the integrity of the state is a duty of every citizen", "t", "cited")
                        .quote("Comprehensive social support for all those who guard our national interests and stability in the "
                                + "country will always be a priority government policy", "t", "noted")
                        .quote("The rule of law must prevail in the country. Law and order will help us prevent a repetition of "
                                + "the tragic January events, which in fact were shameful for the reputation of our state", "t", "said")
                        .quote("Fake reports and provocative calls to take part in rallies agreed with local governments that "
                                + "will be held in central squares on October 24-25 this year are being posted on social networks. "
                                + "This information is not true.", "zu", "said")
                        .quote("I am sure that the upcoming election will lay the foundation for our new achievements and become "
                                + "the starting point of a new political era.", "t", "added")
                        .date("October 22", "2022-10-22")
                        .date("October 25", "2022-10-25")
                        .date("November 20", "2022-11-20")
                        .fact("death of over 220 people", "killed", 220, "over", "people")
                        .keyphrases("Republic Day", "presidential election", "rule of law"));
    }

    private Seed seed004() throws IOException {
        String text = body("004_5a91637dc3392463.txt", "Kazakh President Kassym-Zhomart Tokayev appealed",
                "\n\nKazakhstan: President Tokayev appeals to CSTO");
        return seed("004", "Kazakhstan: President Tokayev appeals to CSTO for help amid mass protests", "Ruptly",
                "https://www.ruptly.tv/en/videos/20220105-kazakhstan-tokayev-csto", null, "2022-01-05T21:09:00Z", text, a -> a
                        .entity("t", "Kassym-Zhomart Tokayev", PERSON, "Tokayev")
                        .entity("ctso", "Collective Security Treaty Organisation", ORGANIZATION)
                        .entity("csto", "CSTO", ORGANIZATION)
                        .entity("sc", "Security Council", ORGANIZATION)
                        .entity("kz", "Kazakhstan", LOCATION)
                        .entity("ns", "Nur-Sultan", LOCATION)
                        .entity("al", "Almaty", LOCATION)
                        .entity("ur", "Uralsk", LOCATION)
                        .entity("ak", "Aktau", LOCATION)
                        .entity("ab", "Aktobe", LOCATION)
                        .entity("sh", "Shymkent", LOCATION)
                        .entity("mg", "Mangistau", LOCATION)
                        .quote("Today I appealed to the heads of CSTO states to assist Kazakhstan in overcoming this terrorist "
                                + "threat.", "t", "said")
                        .date("January 1", "2022-01-01")
                        .date("Wednesday", "2022-01-05")
                        .fact("from 60 to 120 tenge", "price", 120, null, "tenge", "liquefied gas")
                        .keyphrases("terrorist threat", "liquefied gas", "CSTO states"));
    }

    /** Hostile markup in the title, the text and the URL: every page must show it as text. */
    private Seed hostile() {
        String text = """
                A wire item arrived with markup in its body: <script>document.body.setAttribute('data-xss','script')</script> \
                and an image tag <img src=x onerror="document.body.setAttribute('data-xss','img')"> that would run if a page \
                trusted it.

                The item also names the CSTO, so it turns up in a CSTO search, snippet and all.""";
        return seed("xss", HOSTILE_TITLE, "Test Wire", "javascript:document.body.setAttribute('data-xss','url')", null,
                "2022-01-04T12:00:00Z", text, a -> a.entity("csto", "CSTO", ORGANIZATION).keyphrases("markup"));
    }

    private Seed seed(String key, String title, String source, String url, String byline, String published, String text,
            Consumer<HandAnnotation> annotate) {
        HandAnnotation annotation = new HandAnnotation(text);
        annotate.accept(annotation);
        List<Annotation.ParagraphEmbedding> paragraphs = paragraphVectors(text);
        UUID id = UUID.randomUUID();
        ArticleIngested article = new ArticleIngested(ArticleIngested.SCHEMA_VERSION, id, 1, "e2e-" + key, source, url,
                title, byline, "en", OffsetDateTime.parse(published), text, sha256(text), null, Instant.now(), List.of());
        ArticleAnnotated event = new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, id, 1, "e2e-hand-annotation",
                Instant.now(), article, annotation.build("en", mean(paragraphs), paragraphs));
        return new Seed(key, event);
    }

    /** The clean body: from {@code start} to just before {@code end} (or the end of the file). */
    private String body(String file, String start, String end) throws IOException {
        String raw = Files.readString(seeds.resolve(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int from = raw.indexOf(start);
        if (from < 0) {
            throw new IllegalStateException(file + " no longer starts its body with: " + start);
        }
        int to = end == null ? raw.length() : raw.indexOf(end, from);
        if (to < 0) {
            throw new IllegalStateException(file + " no longer has: " + end);
        }
        // As ingest's cleaning does: no-break spaces become spaces, runs of spaces one space.
        return raw.substring(from, to).replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("[ \\t]{2,}", " ").strip();
    }

    private List<Annotation.ParagraphEmbedding> paragraphVectors(String text) {
        List<Annotation.ParagraphEmbedding> vectors = new ArrayList<>();
        Matcher paragraph = Pattern.compile("[^\\n]+(?:\\n[^\\n]+)*").matcher(text);
        while (paragraph.find()) {
            String words = paragraph.group().strip();
            if (words.length() < 20) {
                continue;
            }
            float[] v = model.embed(words).content().vector();
            vectors.add(new Annotation.ParagraphEmbedding(paragraph.start(), paragraph.end(), normalised(v)));
        }
        return vectors;
    }

    private static float[] mean(List<Annotation.ParagraphEmbedding> paragraphs) {
        if (paragraphs.isEmpty()) {
            return null;
        }
        float[] sum = new float[paragraphs.get(0).vector().length];
        for (Annotation.ParagraphEmbedding p : paragraphs) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p.vector()[i];
            }
        }
        return normalised(sum);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
