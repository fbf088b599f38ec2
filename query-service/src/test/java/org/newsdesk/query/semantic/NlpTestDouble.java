package org.newsdesk.query.semantic;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Applies {@link FakeNlpService} to every {@code @QuarkusTest} of this module, like {@code TestStack} applies the
 * real stack: semantic search gets its query vectors from it.
 */
@QuarkusTestResource(FakeNlpService.class)
public final class NlpTestDouble {

    private NlpTestDouble() {
    }
}
