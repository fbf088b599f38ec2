package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;

import edu.stanford.nlp.pipeline.CoreDocument;

/**
 * Quotes and speakers on the five seed articles, against a list written by reading them: every quote a careful
 * reader marks, in text order, with its speaker. A scare quote (partial) expects a speaker only where a speech verb
 * or "according to" ties it to someone ("Tokayev stated that well-trained “terrorist bandits”"); where nothing does
 * ("He had ordered forces to “murder without notice”") it expects none. Seeds are used whole, except 004, whose body
 * is repeated three times after a cookie banner: it is cut to one copy ({@link SeedArticles#body}).
 */
class SeedQuoteQualityTest {

    private static final Logger LOG = Logger.getLogger(SeedQuoteQualityTest.class);

    private static final String TOKAYEV = "Kassym-Jomart Tokayev";
    private static final String ZHOMART = "Kassym-Zhomart Tokayev";
    private static final String UMIRALIYEV = "Zhandos Umiraliyev";
    private static final String UKIBAI = "Aidos Ukibai";

    /** One quote a careful reader marks: the seed, how the quote starts, its speaker, whether it is a fragment. */
    record Expected(String seed, String prefix, String speaker, boolean partial) {
    }

    private static Expected direct(String seed, String prefix, String speaker) {
        return new Expected(seed, prefix, speaker, false);
    }

    private static Expected partial(String seed, String prefix, String speaker) {
        return new Expected(seed, prefix, speaker, true);
    }

    static final List<Expected> EXPECTED = List.of(
            partial("000", "Urgent Measures", null),
            partial("000", "Oreshnik", null),
            partial("000", "global character", "Vladimir Putin"),
            direct("000", "For our state, the main strategic goal", "Serik Uali"),

            direct("001", "Therefore, we must launch a counter-terrorist operation", TOKAYEV),
            direct("001", "In this regard, relying on the Collective Security Treaty", TOKAYEV),
            direct("001", "I want to assure you that I will do my best", TOKAYEV),
            direct("001", "In connection with the appeal of the President", "Nikol Pashinyan"),

            partial("002", "order", null),
            partial("002", "murder without notice", null),
            partial("002", "Order", null),
            partial("002", "order", null),
            partial("002", "progressing towards stability", TOKAYEV),
            partial("002", "appreciation", TOKAYEV),
            partial("002", "armed criminals", null),
            partial("002", "signed an order establishing January 10", null),
            partial("002", "murder without notice", TOKAYEV),
            partial("002", "terrorist bandits", TOKAYEV),
            partial("002", "kill without notice", null),
            direct("002", "The nation’s leader is still in Kazakhstan’s capital", UKIBAI),
            direct("002", "The leader of the nation urges the people", UKIBAI),

            direct("003", "We must be ready to fight back", TOKAYEV),
            partial("003", "to protect our sacred independence", TOKAYEV),
            direct("003", "Comprehensive social support for all those", TOKAYEV),
            partial("003", "provocative", UMIRALIYEV),
            direct("003", "Fake reports and provocative calls", UMIRALIYEV),
            direct("003", "The organization of rallies announced", UMIRALIYEV),
            direct("003", "The rule of law must prevail", TOKAYEV),
            direct("003", "We should beware of those who try", TOKAYEV),
            partial("003", "foreign-based terrorists", null),
            direct("003", "I am sure that the upcoming election", TOKAYEV),
            partial("003", "such actions from abroad", TOKAYEV),

            partial("004", "overcoming the terrorist threat", null),
            direct("004", "Today I appealed to the heads of CSTO states", ZHOMART),
            partial("004", "real terrorists", ZHOMART),
            partial("004", "absolutely appropriate and timely", ZHOMART));

    private static final List<String> SEEDS = List.of("000", "001", "002", "003", "004");

    private static ArticleAnnotator annotator;

    @BeforeAll
    static void loadModels() {
        annotator = new ArticleAnnotator(SharedModels.pipeline(), SharedModels.gazetteer(),
                new StubAnnotationSteps.JanuaryDates(), new StubAnnotationSteps.PersonCountFacts(),
                new StubAnnotationSteps.CapitalisedWords(), new StubAnnotationSteps.LetterHashEmbedder());
    }

    private static String seedText(String seed) {
        return seed.equals("004") ? SeedArticles.body("004") : SeedArticles.text(seed);
    }

    /** What was found for one expected quote, or null when nothing matched it. */
    record Match(Expected expected, Annotation.Quote found) {
        boolean speakerRight() {
            return found != null && Objects.equals(expected.speaker(),
                    found.speaker() == null ? null : found.speaker().name());
        }
    }

    /** Expected and found quotes of all seeds, matched greedily in text order by prefix. */
    private static Scores score() {
        List<Match> matches = new ArrayList<>();
        int found = 0;
        int unmatchedFound = 0;
        for (String seed : SEEDS) {
            List<Annotation.Quote> quotes = new ArrayList<>(annotator.annotate(seedText(seed), null, "en").quotes());
            found += quotes.size();
            int from = 0;
            for (Expected e : EXPECTED.stream().filter(x -> x.seed().equals(seed)).toList()) {
                Annotation.Quote hit = null;
                for (int i = from; i < quotes.size(); i++) {
                    if (quotes.get(i).text().startsWith(e.prefix())) {
                        hit = quotes.get(i);
                        from = i + 1;
                        break;
                    }
                }
                matches.add(new Match(e, hit));
            }
            long matchedHere = matches.stream().filter(m -> m.expected().seed().equals(seed) && m.found() != null).count();
            unmatchedFound += quotes.size() - (int) matchedHere;
        }
        return new Scores(matches, found, unmatchedFound);
    }

    record Scores(List<Match> matches, int found, int unmatchedFound) {
        long matched(boolean partialToo) {
            return matches.stream().filter(m -> m.found() != null && (partialToo || !m.expected().partial())).count();
        }

        long expected(boolean partialToo) {
            return matches.stream().filter(m -> partialToo || !m.expected().partial()).count();
        }

        /** Quotes whose speaker is right, a right "no speaker" included. */
        long speakersRight(boolean partialToo) {
            return matches.stream().filter(m -> (partialToo || !m.expected().partial()) && m.speakerRight()).count();
        }

        /** Quotes found with a speaker: the speaker claims that precision is measured on. */
        long speakersGiven(boolean partialToo) {
            return matches.stream().filter(m -> (partialToo || !m.expected().partial()) && m.found() != null
                    && m.found().speaker() != null).count();
        }

        long speakersExpected(boolean partialToo) {
            return matches.stream().filter(m -> (partialToo || !m.expected().partial()) && m.expected().speaker() != null)
                    .count();
        }

        long namedSpeakersRight(boolean partialToo) {
            return matches.stream().filter(m -> (partialToo || !m.expected().partial()) && m.expected().speaker() != null
                    && m.speakerRight()).count();
        }

        long partialFlagsRight() {
            return matches.stream().filter(m -> m.found() != null && m.found().partial() == m.expected().partial())
                    .count();
        }
    }

    @Test
    void everyDirectQuoteIsFoundOnceWithTheRightSpeaker() {
        Scores s = score();
        assertThat(s.matches()).filteredOn(m -> !m.expected().partial())
                .allSatisfy(m -> {
                    assertThat(m.found()).as("quote '%s' in seed %s", m.expected().prefix(), m.expected().seed())
                            .isNotNull();
                    assertThat(m.found().speaker()).as("speaker of '%s'", m.expected().prefix()).isNotNull();
                    assertThat(m.found().speaker().name()).as("speaker of '%s'", m.expected().prefix())
                            .isEqualTo(m.expected().speaker());
                    assertThat(m.found().partial()).as("partial flag of '%s'", m.expected().prefix()).isFalse();
                });
    }

    @Test
    void noQuoteIsFoundTwiceOrOverlapsAnother() {
        for (String seed : SEEDS) {
            List<Annotation.Quote> quotes = annotator.annotate(seedText(seed), null, "en").quotes();
            for (int i = 1; i < quotes.size(); i++) {
                assertThat(quotes.get(i).start()).as("quote %d of seed %s", i, seed)
                        .isGreaterThanOrEqualTo(quotes.get(i - 1).end());
            }
        }
    }

    @Test
    void precisionAndRecallOfQuotesAndSpeakersOnTheSeeds() {
        Scores s = score();
        double detectionRecall = ratio(s.matched(true), s.expected(true));
        double detectionPrecision = ratio(s.found() - s.unmatchedFound(), s.found());
        double directRecall = ratio(s.matched(false), s.expected(false));
        double speakerPrecision = ratio(s.namedSpeakersRight(true), s.speakersGiven(true));
        double speakerRecall = ratio(s.namedSpeakersRight(true), s.speakersExpected(true));
        double directSpeakerAccuracy = ratio(s.speakersRight(false), s.expected(false));
        double partialFlags = ratio(s.partialFlagsRight(), s.matched(true));
        LOG.infof("seed quotes: %d expected (%d direct), %d found; detection P=%.3f R=%.3f; direct R=%.3f; "
                + "speakers P=%.3f R=%.3f (quote+speaker pairs, partial included); direct speaker accuracy=%.3f; "
                + "partial flag accuracy=%.3f", s.expected(true), s.expected(false), s.found(), detectionPrecision,
                detectionRecall, directRecall, speakerPrecision, speakerRecall, directSpeakerAccuracy, partialFlags);
        for (Match m : s.matches()) {
            if (m.found() == null || !m.speakerRight()) {
                LOG.infof("  miss: seed %s '%s' expected %s, got %s", m.expected().seed(), m.expected().prefix(),
                        m.expected().speaker(), m.found() == null ? "no quote"
                                : m.found().speaker() == null ? "no speaker" : m.found().speaker().name());
            }
        }
        assertThat(directRecall).isEqualTo(1.0);
        assertThat(directSpeakerAccuracy).isEqualTo(1.0);
        assertThat(detectionRecall).isGreaterThanOrEqualTo(0.9);
        assertThat(detectionPrecision).isGreaterThanOrEqualTo(0.9);
        assertThat(speakerPrecision).isGreaterThanOrEqualTo(0.9);
        assertThat(speakerRecall).isGreaterThanOrEqualTo(0.85);
        assertThat(partialFlags).isGreaterThanOrEqualTo(0.9);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    @Test
    void expectedListIsInTextOrderAndMatchesRealText() {
        // Guards the list itself: every prefix occurs in its seed, in the order listed.
        for (String seed : SEEDS) {
            String text = seedText(seed);
            int from = 0;
            for (Expected e : EXPECTED.stream().filter(x -> x.seed().equals(seed)).toList()) {
                int at = text.indexOf(e.prefix(), from);
                assertThat(at).as("'%s' in seed %s after %d", e.prefix(), seed, from).isGreaterThanOrEqualTo(0);
                from = at + 1;
            }
        }
    }
}
