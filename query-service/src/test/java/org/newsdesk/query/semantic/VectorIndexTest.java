package org.newsdesk.query.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static final Instant T = Instant.parse("2022-01-06T00:00:00Z");

    private static float[] v(float... values) {
        return values;
    }

    private static VectorIndex.Entry entry(UUID id, Instant published, float[] document, float[]... paragraphs) {
        List<int[]> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < paragraphs.length; i++) {
            offsets.add(new int[] {i * 10, i * 10 + 9});
        }
        return VectorIndex.entry(id, T, published, document, List.of(paragraphs), offsets);
    }

    @Test
    void ranksByTheBetterOfDocumentAndBestParagraphCosine() {
        VectorIndex index = new VectorIndex();
        UUID paragraphMatch = UUID.randomUUID();
        UUID documentMatch = UUID.randomUUID();
        UUID unrelated = UUID.randomUUID();
        // one paragraph exactly on the query, the gist elsewhere
        index.put(entry(paragraphMatch, T, v(0, 1, 1), v(0, 1, 0), v(1, 0, 0), v(0, 0, 1)));
        // no paragraph on the query, but the gist near it
        index.put(entry(documentMatch, T, v(1, 0.2f, 0), v(0, 0, 1)));
        index.put(entry(unrelated, T, v(0, 0, 1), v(0, 0, 1)));

        List<VectorIndex.Match> ranked = index.rank(v(2, 0, 0), null, 0.2, 10);

        assertThat(ranked).extracting(VectorIndex.Match::id).containsExactly(paragraphMatch, documentMatch);
        assertThat(ranked.get(0).score()).isCloseTo(1.0, within(1e-6));
        assertThat(ranked.get(0).paragraphStart()).isEqualTo(10); // the second paragraph
        assertThat(ranked.get(1).score()).isCloseTo(1 / Math.sqrt(1.04), within(1e-6));
    }

    @Test
    void keepsTheBestWithinTheAllowedArticlesAndTheLimit() {
        VectorIndex index = new VectorIndex();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        index.put(entry(a, T, v(1, 0), v(1, 0)));
        index.put(entry(b, T, v(1, 0.5f), v(1, 0.5f)));
        index.put(entry(c, T, v(1, 1), v(1, 1)));

        assertThat(index.rank(v(1, 0), null, 0, 2)).extracting(VectorIndex.Match::id).containsExactly(a, b);
        assertThat(index.rank(v(1, 0), Set.of(b, c), 0, 10)).extracting(VectorIndex.Match::id).containsExactly(b, c);
        assertThat(index.rank(v(1, 0), Set.of(UUID.randomUUID()), 0, 10)).isEmpty();
    }

    @Test
    void tiesGoToTheNewerArticle() {
        VectorIndex index = new VectorIndex();
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        index.put(entry(older, T, v(1, 0)));
        index.put(entry(newer, T.plusSeconds(60), v(1, 0)));
        assertThat(index.rank(v(1, 0), null, 0, 10)).extracting(VectorIndex.Match::id).containsExactly(newer, older);
    }

    @Test
    void articlesWithoutVectorsOrOfAnotherDimensionNeverMatch() {
        VectorIndex index = new VectorIndex();
        UUID none = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID zero = UUID.randomUUID();
        index.put(entry(none, T, null));
        index.put(entry(other, T, v(1, 0, 0), v(1, 0, 0)));
        index.put(entry(zero, T, v(0, 0), v(0, 0)));
        assertThat(index.rank(v(1, 0), null, -1, 10)).isEmpty();
        assertThat(index.rank(v(0, 0), null, -1, 10)).isEmpty();
    }

    @Test
    void anUpdateReplacesAndARemovalDropsTheArticle() {
        VectorIndex index = new VectorIndex();
        UUID id = UUID.randomUUID();
        index.put(entry(id, T, v(0, 1)));
        assertThat(index.rank(v(1, 0), null, 0.5, 10)).isEmpty();
        index.put(entry(id, T, v(1, 0)));
        assertThat(index.rank(v(1, 0), null, 0.5, 10)).hasSize(1);
        index.remove(id);
        assertThat(index.rank(v(1, 0), null, 0.5, 10)).isEmpty();
    }
}
