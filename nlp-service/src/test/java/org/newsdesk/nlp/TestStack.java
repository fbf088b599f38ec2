package org.newsdesk.nlp;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import org.newsdesk.devstack.DevstackTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against the real test stack (PostgreSQL, Kafka, Keycloak)
 * that devstack starts once per test run; this one annotation applies it to all of them.
 */
@QuarkusTestResource(value = DevstackTestResource.class)
public final class TestStack {

    private TestStack() {
    }
}
