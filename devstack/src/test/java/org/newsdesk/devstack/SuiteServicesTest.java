package org.newsdesk.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The environment each service process gets: what a cluster's ConfigMap would set, pointed at this suite. */
class SuiteServicesTest {

    private static final StackSettings SETTINGS = StackSettings.forProfile("test", Map.of("NEWSDESK_HOME", "/tmp/nd-suite"));

    @Test
    void queryServiceIsToldWhereNlpAndIngestServiceRun() {
        SuiteServices suite = new SuiteServices(SETTINGS, Path.of("."));
        Map<String, String> env = suite.environment(SuiteServices.byName("query"));
        assertThat(env).containsEntry("NEWSDESK_NLP_URL", SuiteServices.byName("nlp").url())
                .containsEntry("NEWSDESK_INGEST_URL", SuiteServices.byName("ingest").url())
                .containsEntry("NEWSDESK_DB_URL", SETTINGS.jdbcUrl("query"));
        assertThat(suite.environment(SuiteServices.byName("nlp"))).doesNotContainKeys("NEWSDESK_NLP_URL", "NEWSDESK_DB_URL");
    }

    @Test
    void anotherSuiteOfInstancesPointsQueryServiceAtItsOwnNlpInstance() {
        SuiteServices.Service nlp = SuiteServices.byName("nlp").instance("e2e-nlp-1", 18282, null, Map.of());
        SuiteServices.Service query = SuiteServices.byName("query").instance("e2e-query", 18283, "e2e_query", Map.of());
        SuiteServices suite = new SuiteServices(SETTINGS, Path.of("."), List.of(nlp, query));
        Map<String, String> env = suite.environment(query);
        assertThat(env).containsEntry("NEWSDESK_NLP_URL", "http://127.0.0.1:18282").doesNotContainKey("NEWSDESK_INGEST_URL");
    }
}
