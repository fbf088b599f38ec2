package org.newsdesk.query.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Story clustering on the five seed articles with real MiniLM paragraph vectors (the model nlp-service
 * uses), the entities a reader finds in each, and their publication dates. 001 and 004 report the same
 * Security Council meeting and CSTO appeal; the others are other events about the same people.
 */
class StoryClustererTest {

    private static final Map<String, List<float[]>> PARAGRAPHS = new HashMap<>();

    private static final List<String> NAMES = List.of("Tokayev", "Putin", "Kazakhstan", "Russia", "Ukraine", "CSTO",
            "Astana", "Uali", "Bektenov", "Dubnov", "Almaty", "Security Council", "Pashinyan", "Nur-Sultan",
            "Nazarbayev", "Mamin", "Akorda", "Umiraliyev", "Mangistau");

    /** Canonical entities named in each seed, by a reader: ids stand for the registry's. */
    private static final Map<String, Set<Long>> ENTITIES = Map.of(
            "000", ids("Tokayev", "Putin", "Kazakhstan", "Russia", "Ukraine", "CSTO", "Astana", "Uali", "Bektenov", "Dubnov"),
            "001", ids("Tokayev", "Kazakhstan", "Almaty", "CSTO", "Security Council", "Pashinyan", "Nur-Sultan", "Russia"),
            "002", ids("Tokayev", "Putin", "Kazakhstan", "Russia", "Almaty", "Nazarbayev", "Mamin", "Security Council"),
            "003", ids("Tokayev", "Kazakhstan", "Akorda", "Umiraliyev"),
            "004", ids("Tokayev", "Kazakhstan", "CSTO", "Almaty", "Nur-Sultan", "Security Council", "Mangistau"));

    private static final Map<String, Instant> PUBLISHED = Map.of(
            "000", Instant.parse("2024-11-22T09:00:00Z"),
            "001", Instant.parse("2022-01-06T18:00:00Z"),
            "002", Instant.parse("2022-01-09T10:00:00Z"),
            "003", Instant.parse("2022-10-26T08:00:00Z"),
            "004", Instant.parse("2022-01-05T21:09:00Z"));

    private static Set<Long> ids(String... names) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String name : names) {
            ids.add((long) NAMES.indexOf(name));
        }
        return ids;
    }

    @BeforeAll
    static void embedSeedParagraphs() throws IOException {
        EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        try (Stream<Path> files = Files.list(Path.of("..", "seeds"))) {
            for (Path file : files.sorted().toList()) {
                List<TextSegment> paragraphs = new ArrayList<>();
                for (String line : Files.readAllLines(file)) {
                    // paragraphs of prose; headlines, credits and "Top downloads" lines are not evidence
                    if (line.strip().split("\\s+").length >= 12) {
                        paragraphs.add(TextSegment.from(line.strip()));
                    }
                }
                List<float[]> vectors = model.embedAll(paragraphs).content().stream().map(e -> e.vector()).toList();
                PARAGRAPHS.put(file.getFileName().toString().substring(0, 3), vectors);
            }
        }
    }

    private static StorySummary seed(String number, UUID cluster) {
        return new StorySummary(UUID.nameUUIDFromBytes(number.getBytes()), cluster, null, PUBLISHED.get(number),
                ENTITIES.get(number), PARAGRAPHS.get(number));
    }

    @Test
    void securityCouncilReportsOfTheSameMeetingShareACluster() {
        UUID cluster004 = UUID.randomUUID();

        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS)
                .assign(seed("001", null), List.of(seed("004", cluster004), seed("002", UUID.randomUUID())));

        assertThat(decision.reason()).isEqualTo(ClusterDecision.Reason.SAME_STORY);
        assertThat(decision.clusterId()).isEqualTo(cluster004);
        assertThat(decision.bestCosine()).isGreaterThanOrEqualTo(ClusteringThresholds.DEFAULTS.minParagraphCosine());
        assertThat(decision.sharedEntities()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyOtherSeedPairScoresBelowTheThreshold() {
        List<String> seeds = List.of("000", "001", "002", "003", "004");
        for (String a : seeds) {
            for (String b : seeds) {
                if (a.compareTo(b) < 0 && !(a.equals("001") && b.equals("004"))) {
                    double cosine = StoryClusterer.bestParagraphCosine(PARAGRAPHS.get(a), PARAGRAPHS.get(b));
                    assertThat(cosine).as("%s-%s", a, b).isLessThan(ClusteringThresholds.DEFAULTS.minParagraphCosine());
                }
            }
        }
    }

    @Test
    void laterReportOnTheSameUnrestIsANewStoryNotTheMeeting() {
        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS)
                .assign(seed("002", null), List.of(seed("001", UUID.randomUUID()), seed("004", UUID.randomUUID())));

        assertThat(decision.startsNewCluster()).isTrue();
        assertThat(decision.reason()).isEqualTo(ClusterDecision.Reason.NEW_STORY);
    }

    @Test
    void sameParagraphsOutsideTheTimeWindowStartANewStory() {
        StorySummary muchLater = new StorySummary(UUID.randomUUID(), null, null,
                PUBLISHED.get("004").plus(Duration.ofDays(30)), ENTITIES.get("004"), PARAGRAPHS.get("004"));

        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS)
                .assign(muchLater, List.of(seed("001", UUID.randomUUID())));

        assertThat(decision.startsNewCluster()).isTrue();
    }

    @Test
    void similarParagraphsWithoutEnoughSharedEntitiesStartANewStory() {
        StorySummary sameTextOtherEntities = new StorySummary(UUID.randomUUID(), null, null,
                PUBLISHED.get("004"), ids("Tokayev"), PARAGRAPHS.get("004"));

        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS)
                .assign(sameTextOtherEntities, List.of(seed("001", UUID.randomUUID())));

        assertThat(decision.startsNewCluster()).isTrue();
    }

    @Test
    void stricterThresholdFromConfigSeparatesTheMeetingReports() {
        double cosine = StoryClusterer.bestParagraphCosine(PARAGRAPHS.get("001"), PARAGRAPHS.get("004"));
        ClusteringThresholds strict = new ClusteringThresholds(cosine + 0.01, 2, Duration.ofDays(3));

        ClusterDecision decision = new StoryClusterer(strict).assign(seed("001", null), List.of(seed("004", UUID.randomUUID())));

        assertThat(decision.startsNewCluster()).isTrue();
    }

    @Test
    void nearDuplicateJoinsItsOriginalsClusterWhateverTheScores() {
        UUID originalCluster = UUID.randomUUID();
        StorySummary original = seed("003", originalCluster);
        StorySummary duplicate = new StorySummary(UUID.randomUUID(), null, original.articleId(),
                PUBLISHED.get("003").plus(Duration.ofDays(40)), Set.of(), List.of());

        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS)
                .assign(duplicate, List.of(seed("001", UUID.randomUUID()), original));

        assertThat(decision.reason()).isEqualTo(ClusterDecision.Reason.NEAR_DUPLICATE);
        assertThat(decision.clusterId()).isEqualTo(originalCluster);
    }

    @Test
    void originalArrivingAfterItsNearDuplicateJoinsTheDuplicatesCluster() {
        UUID duplicateCluster = UUID.randomUUID();
        StorySummary original = seed("003", null);
        StorySummary duplicate = new StorySummary(UUID.randomUUID(), duplicateCluster, original.articleId(),
                PUBLISHED.get("003"), Set.of(), List.of());

        ClusterDecision decision = new StoryClusterer(ClusteringThresholds.DEFAULTS).assign(original, List.of(duplicate));

        assertThat(decision.clusterId()).isEqualTo(duplicateCluster);
    }

    @Test
    void vectorsOfAnotherDimensionOrZeroLengthAreIgnored() {
        List<float[]> a = List.of(new float[] {1, 0, 0}, new float[] {0, 0, 0});
        List<float[]> b = List.of(new float[] {1, 0}, new float[] {0.6f, 0.8f, 0});

        assertThat(StoryClusterer.bestParagraphCosine(a, b)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(StoryClusterer.bestParagraphCosine(a, List.of())).isEqualTo(-1);
    }
}
