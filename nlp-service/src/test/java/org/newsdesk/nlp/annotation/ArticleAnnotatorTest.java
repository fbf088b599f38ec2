package org.newsdesk.nlp.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation;

/** The orchestration: what each language gets, how failures are contained, how vectors are combined. */
class ArticleAnnotatorTest {

    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2022-01-07T12:00:00+06:00");

    private static final String ENGLISH = """
            Kazakh President Kassym-Jomart Tokayev spoke on January 5.

            “We will restore order,” President Tokayev said in a televised address.

            The protests began on January 2 in Zhanaozen, and Tokayev later thanked Vladimir Putin.
            """;

    private static final String RUSSIAN = """
            Президент Казахстана Касым-Жомарт Токаев выступил в среду. Он обратился к ОДКБ.

            «Мы восстановим порядок», – сказал Токаев.

            – Это не протест, это атака, – заявил президент.
            """;

    private static CoreNlpPipeline pipeline;
    private static KbpGazetteer gazetteer;

    private StubAnnotationSteps.JanuaryDates dates = new StubAnnotationSteps.JanuaryDates();
    private StubAnnotationSteps.PersonCountFacts facts = new StubAnnotationSteps.PersonCountFacts();
    private StubAnnotationSteps.CapitalisedWords phrases = new StubAnnotationSteps.CapitalisedWords();
    private StubAnnotationSteps.LetterHashEmbedder embedder = new StubAnnotationSteps.LetterHashEmbedder();

    @BeforeAll
    static void loadModels() {
        pipeline = SharedModels.pipeline();
        gazetteer = SharedModels.gazetteer();
    }

    private ArticleAnnotator annotator() {
        return new ArticleAnnotator(pipeline, gazetteer, dates, facts, phrases, embedder);
    }

    @Test
    void englishGetsEveryPart() {
        Annotation a = annotator().annotate(ENGLISH, PUBLISHED, "en");
        assertThat(a.language()).isEqualTo("en");
        assertThat(a.sentences()).hasSize(3);
        assertThat(a.entities()).extracting(Annotation.Entity::name)
                .contains("Kassym-Jomart Tokayev", "Vladimir Putin");
        assertThat(a.quotes()).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("We will restore order,");
            assertThat(q.speaker().name()).isEqualTo("Kassym-Jomart Tokayev");
            assertThat(q.speaker().entityId()).isEqualTo(a.entities().stream()
                    .filter(e -> e.name().equals("Kassym-Jomart Tokayev")).findFirst().orElseThrow().id());
        });
        assertThat(a.dates()).extracting(Annotation.DateMention::value).containsExactly("2022-01-05", "2022-01-02");
        assertThat(a.facts()).singleElement().satisfies(f -> assertThat(f.quantity()).isEqualTo(2.0));
        assertThat(a.keyphrases()).hasSize(ArticleAnnotator.DEFAULT_MAX_KEYPHRASES);
        assertThat(phrases.lastMax).isEqualTo(ArticleAnnotator.DEFAULT_MAX_KEYPHRASES);
        assertThat(phrases.lastDocumentEmbedding).isEqualTo(a.embedding());
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void aStepClockHearsEachStepOnceInTheOrderTheyRan() {
        List<String> steps = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        Annotation timed = annotator().annotate(ENGLISH, PUBLISHED, "en", (step, nanos) -> {
            steps.add(step);
            cpu.add(nanos);
        });
        assertThat(steps).containsExactlyElementsOf(StepClock.STEPS).hasSize(8);
        assertThat(cpu).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
        assertThat(cpu.get(steps.indexOf("corenlp"))).as("CoreNLP's CPU time, read from the thread").isPositive();
        assertThat(timed).usingRecursiveComparison().isEqualTo(annotator().annotate(ENGLISH, PUBLISHED, "en"));
    }

    @Test
    void aLanguageWithoutNerReportsOnlyTheStepsItRuns() {
        List<String> steps = new ArrayList<>();
        annotator().annotate(RUSSIAN, PUBLISHED, "ru", (step, nanos) -> steps.add(step));
        assertThat(steps).containsExactly("quotes", "vectors");
    }

    @Test
    void sentenceAndQuoteOffsetsIndexTheGivenText() {
        Annotation a = annotator().annotate(ENGLISH, PUBLISHED, "en-GB");
        assertThat(a.language()).isEqualTo("en");
        assertThat(ENGLISH.substring(a.sentences().get(0).start(), a.sentences().get(0).end()))
                .isEqualTo("Kazakh President Kassym-Jomart Tokayev spoke on January 5.");
        Annotation.Quote q = a.quotes().get(0);
        assertThat(ENGLISH.substring(q.start(), q.end())).isEqualTo(q.text());
        assertThat(ENGLISH.substring(q.cueStart(), q.cueStart() + q.cue().length())).isEqualTo(q.cue());
    }

    @Test
    void documentVectorIsTheNormalisedMeanOfTheParagraphVectors() {
        Annotation a = annotator().annotate(ENGLISH, PUBLISHED, "en");
        List<Annotation.Span> paragraphs = Paragraphs.split(ENGLISH);
        assertThat(a.paragraphEmbeddings()).hasSize(3);
        float[] expected = new float[StubAnnotationSteps.LetterHashEmbedder.DIMENSION];
        for (int i = 0; i < paragraphs.size(); i++) {
            Annotation.ParagraphEmbedding p = a.paragraphEmbeddings().get(i);
            assertThat(p.start()).isEqualTo(paragraphs.get(i).start());
            assertThat(p.vector()).containsExactly(embedder.embed(ENGLISH.substring(p.start(), p.end())));
            for (int d = 0; d < expected.length; d++) {
                expected[d] += p.vector()[d];
            }
        }
        double norm = 0;
        for (float x : expected) {
            norm += x * x;
        }
        for (int d = 0; d < expected.length; d++) {
            assertThat(a.embedding()[d]).isCloseTo((float) (expected[d] / Math.sqrt(norm)), within(1e-6f));
        }
    }

    @Test
    void languageWithoutNerGetsSentencesQuotesAndVectorsOnly() {
        Annotation a = annotator().annotate(RUSSIAN, PUBLISHED, "ru");
        assertThat(a.language()).isEqualTo("ru");
        assertThat(a.sentences()).extracting(s -> RUSSIAN.substring(s.start(), s.end())).containsExactly(
                "Президент Казахстана Касым-Жомарт Токаев выступил в среду.", "Он обратился к ОДКБ.",
                "«Мы восстановим порядок», – сказал Токаев.", "– Это не протест, это атака, – заявил президент.");
        assertThat(a.quotes()).extracting(Annotation.Quote::text)
                .containsExactly("Мы восстановим порядок", "Это не протест, это атака,");
        assertThat(a.quotes()).allSatisfy(q -> assertThat(q.speaker()).isNull());
        assertThat(a.entities()).isEmpty();
        assertThat(a.dates()).isEmpty();
        assertThat(a.facts()).isEmpty();
        assertThat(a.keyphrases()).isEmpty();
        assertThat(a.embedding()).hasSize(StubAnnotationSteps.LetterHashEmbedder.DIMENSION);
        assertThat(a.notes()).singleElement().asString().contains("no NER model for language 'ru'");
        assertThat(dates.calls.get() + facts.calls.get() + phrases.calls.get()).isZero();
    }

    @Test
    void arabicAndUnknownLanguagesDoNotThrow() {
        Annotation arabic = annotator().annotate("قال الرئيس: «سننتصر». وأضاف أن الوضع مستقر؟ نعم.", null, "ar");
        assertThat(arabic.sentences()).isNotEmpty();
        assertThat(arabic.quotes()).extracting(Annotation.Quote::text).containsExactly("سننتصر");
        Annotation unknown = annotator().annotate("Some text.", null, null);
        assertThat(unknown.language()).isEqualTo("und");
        assertThat(unknown.notes()).singleElement().asString().contains("'und'");
    }

    @Test
    void blankOrNullTextIsRejected() {
        assertThatThrownBy(() -> annotator().annotate(null, PUBLISHED, "en")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> annotator().annotate(" \n\t", PUBLISHED, "en"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failingDateStepIsReportedAndTheRestSurvives() {
        ArticleAnnotator annotator = new ArticleAnnotator(pipeline, gazetteer, new StubAnnotationSteps.Failing(), facts,
                phrases, embedder);
        Annotation a = annotator.annotate(ENGLISH, PUBLISHED, "en");
        assertThat(a.dates()).isEmpty();
        assertThat(a.notes()).singleElement().asString().startsWith("dates failed").contains("date model unavailable");
        assertThat(a.quotes()).hasSize(1);
        assertThat(a.facts()).hasSize(1);
    }

    @Test
    void failingEmbedderLeavesNoVectorsAndSkipsKeyphrases() {
        ArticleAnnotator annotator = new ArticleAnnotator(pipeline, gazetteer, dates, facts, phrases,
                new StubAnnotationSteps.Failing());
        Annotation a = annotator.annotate(ENGLISH, PUBLISHED, "en");
        assertThat(a.embedding()).isNull();
        assertThat(a.paragraphEmbeddings()).isEmpty();
        assertThat(a.keyphrases()).isEmpty();
        assertThat(phrases.calls.get()).isZero();
        assertThat(a.notes()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith("embeddings failed"))
                .anySatisfy(n -> assertThat(n).startsWith("keyphrases skipped"));
        assertThat(a.entities()).isNotEmpty();
    }
}
