package org.newsdesk.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Starts the real test stack (or reuses it) and checks each server does its job. */
class DevstackTest {

    static Devstack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Devstack.forProfile("test");
        stack.start(line -> System.out.println("[devstack] " + line));
    }

    @Test
    void postgresServesEachServiceDatabaseToTheNewsdeskRole() throws Exception {
        for (String db : StackSettings.SERVICE_DATABASES) {
            try (Connection c = DriverManager.getConnection(stack.settings().jdbcUrl(db), StackSettings.DB_USER, StackSettings.DB_PASSWORD);
                 ResultSet rs = c.createStatement().executeQuery("select current_database(), current_setting('server_version_num')::int")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(db);
                assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(180000);
            }
        }
    }

    @Test
    void everyTopicExistsWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
            topics.values().forEach(t -> assertThat(t.partitions()).as(t.name()).hasSize(stack.settings().partitions()));
        }
    }

    @Test
    void articleTopicsTakeMessagesAsLargeAsTheirEvents() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            List<ConfigResource> resources = Topics.ALL.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            assertThat(Integer.parseInt(configs.get(resources.get(0)).get("max.message.bytes").value()))
                    .as(Topics.ARTICLES_INGESTED).isEqualTo(Topics.MAX_INGESTED_EVENT_BYTES).isGreaterThan(10 * 1024 * 1024);
            for (ConfigResource r : resources) {
                Topics.maxMessageBytes(r.name()).ifPresent(expected ->
                        assertThat(Integer.parseInt(configs.get(r).get("max.message.bytes").value())).as(r.name()).isEqualTo(expected));
            }
        }
    }

    @Test
    void keycloakIssuesTokensCarryingRealmRolesAndTheApiAudience() throws Exception {
        KeycloakTokens tokens = new KeycloakTokens(stack.settings().realmUrl());
        JsonNode editor = claims(tokens.accessToken("editor"));
        assertThat(editor.path("iss").asText()).isEqualTo(stack.settings().realmUrl());
        assertThat(editor.path("realm_access").path("roles").toString()).contains("\"reader\"", "\"editor\"").doesNotContain("\"admin\"");
        assertThat(editor.path("aud").toString()).contains("newsdesk-api");
        JsonNode reader = claims(tokens.accessToken("reader"));
        assertThat(reader.path("realm_access").path("roles").toString()).contains("\"reader\"").doesNotContain("\"editor\"");
    }

    @Test
    void keycloakRefusesAWrongPassword() {
        KeycloakTokens tokens = new KeycloakTokens(stack.settings().realmUrl());
        assertThatThrownBy(() -> tokens.accessToken("reader", "not-the-password"))
                .hasMessageContaining("invalid_grant");
    }

    @Test
    void aSecondStartReusesTheRunningServers() throws Exception {
        assertThat(Devstack.forProfile("test").start(line -> { })).isEmpty();
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }
}
