package org.newsdesk.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.TestData;

class NearDuplicateIndexTest {

    private final MinHasher minHasher = new MinHasher();

    @Test
    void defaultBandingFor128HashesAt08Is16BandsOf8Rows() {
        assertThat(NearDuplicateIndex.chooseBands(128, 0.8)).isEqualTo(16);
        NearDuplicateIndex<String> index = new NearDuplicateIndex<>(128);
        assertThat(index.bands()).isEqualTo(16);
        assertThat(index.rowsPerBand()).isEqualTo(8);
        assertThat(NearDuplicateIndex.candidateProbability(0.8, 16, 8)).isBetween(0.94, 0.95);
        assertThat(NearDuplicateIndex.candidateProbability(0.3, 16, 8)).isLessThan(0.002);
    }

    @Test
    void bandKeysAreDeterministicAndDistinctPerBand() {
        MinHashSignature signature = new MinHasher().signature(TestData.seed("001"));
        MinHashSignature again = new MinHasher().signature(TestData.seed("001"));
        NearDuplicateIndex<String> index = new NearDuplicateIndex<>(128);

        assertThat(index.bandKeys(again)).isEqualTo(index.bandKeys(signature)).hasSize(16);
        int[] constant = new int[128];
        assertThat(new HashSet<>(index.bandKeys(MinHashSignature.of(constant)))).as("same values, different bands").hasSize(16);
    }

    @Test
    void indexRebuiltFromStoredBytesAnswersLikeTheOriginal() {
        Map<String, byte[]> stored = new LinkedHashMap<>();
        NearDuplicateIndex<String> live = new NearDuplicateIndex<>(128);
        for (String seed : List.of("000", "001", "002", "003", "004")) {
            MinHashSignature signature = minHasher.signature(TestData.seed(seed));
            live.add(seed, signature);
            stored.put(seed, signature.toBytes());
        }
        NearDuplicateIndex<String> rebuilt = new NearDuplicateIndex<>(128);
        stored.forEach((id, bytes) -> rebuilt.add(id, MinHashSignature.fromBytes(bytes)));

        String edited = TestData.seed("003").replace("Kazakhstan will hold an early presidential election on November 20",
                "Kazakhstan votes in a snap presidential election on 20 November");
        MinHashSignature query = minHasher.signature(edited);
        assertThat(stored.get("003")).hasSize(512);
        assertThat(rebuilt.findSimilar(query)).isEqualTo(live.findSimilar(query));
        assertThat(rebuilt.findSimilar(query)).extracting(NearDuplicateIndex.Match::id).containsExactly("003");
        assertThat(rebuilt.bandKeys(query)).isEqualTo(live.bandKeys(query));
    }

    @Test
    void seed004RepeatedBodyIsNotANearDuplicateOfTheOtherSeedsAboutTheSameEvent() {
        NearDuplicateIndex<String> index = new NearDuplicateIndex<>(128);
        for (String seed : List.of("000", "001", "002", "003")) {
            index.add(seed, minHasher.signature(TestData.seed(seed)));
        }
        assertThat(index.findSimilar(minHasher.signature(TestData.seed("004")))).isEmpty();
    }

    @Test
    void mismatchedSignatureSizesAreRejected() {
        NearDuplicateIndex<String> index = new NearDuplicateIndex<>(128);
        assertThatThrownBy(() -> index.add("x", new MinHasher(5, 64).signature("some text here")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64");
        assertThatThrownBy(() -> new NearDuplicateIndex<String>(128, 0.8, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinHashSignature.fromBytes(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
