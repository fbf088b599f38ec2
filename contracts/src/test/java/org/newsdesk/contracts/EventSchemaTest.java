package org.newsdesk.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.newsdesk.contracts.Annotation.DateMention;
import org.newsdesk.contracts.Annotation.Entity;
import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.contracts.Annotation.Fact;
import org.newsdesk.contracts.Annotation.Keyphrase;
import org.newsdesk.contracts.Annotation.Mention;
import org.newsdesk.contracts.Annotation.ParagraphEmbedding;
import org.newsdesk.contracts.Annotation.Quote;
import org.newsdesk.contracts.Annotation.Span;
import org.newsdesk.contracts.Annotation.Speaker;
import org.newsdesk.contracts.serde.ArticleAnnotatedDeserializer;
import org.newsdesk.contracts.serde.ArticleIngestedDeserializer;
import org.newsdesk.contracts.serde.JsonEventSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class EventSchemaTest {

    static final UUID ID = UUID.fromString("2f1c7a52-5f35-4c1e-9a53-0d1f2b6a7c11");

    static ArticleIngested ingested() {
        return new ArticleIngested(ArticleIngested.SCHEMA_VERSION, ID, 1, "001_a627b55b507ddbbf", "astanatimes.com",
                "https://astanatimes.com/x", "President Tokayev Vows Decisive Measures", "By Staff", "en",
                OffsetDateTime.parse("2022-01-07T00:00:00+06:00"), "President Tokayev said: \u201cWe will prevail.\u201d",
                "a".repeat(64), UUID.fromString("8d6b3f2e-1111-4c1e-9a53-0d1f2b6a7c22"), Instant.parse("2026-11-22T03:00:00Z"), List.of("invalid UTF-8 replaced"));
    }

    static ArticleAnnotated annotated() {
        Annotation annotation = new Annotation("en", List.of(new Span(0, 46)),
                List.of(new Entity("e1", "Tokayev", EntityType.PERSON, null, List.of(new Mention(10, 17, "Tokayev")))),
                List.of(new Quote(24, 46, "We will prevail.", false, new Speaker("e1", "Tokayev"), "said", 18)),
                List.of(new DateMention(0, 6, "Jan. 6", "2022-01-06", "DATE")),
                List.of(new Fact(0, 20, "18 police officers killed", "killed", 18, "more than", null, "police officers")),
                List.of(new Keyphrase("decisive measures", 0.71)),
                new float[] {0.1f, -0.2f},
                List.of(new ParagraphEmbedding(0, 46, new float[] {0.1f, -0.2f})),
                List.of());
        return new ArticleAnnotated(ArticleAnnotated.SCHEMA_VERSION, ID, 1, "nlp-0.1.0", Instant.parse("2026-11-22T03:00:01Z"),
                ingested(), annotation);
    }

    static JsonSchema schema(String name) throws Exception {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as("schema %s on the classpath", name).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Set<ValidationMessage> validate(String schema, Object event) throws Exception {
        JsonNode json = EventJson.mapper().valueToTree(event);
        return schema(schema).validate(json);
    }

    @Test
    void everyEventValidatesAgainstItsSchema() throws Exception {
        assertThat(validate("article-ingested.v1.schema.json", ingested())).isEmpty();
        assertThat(validate("article-annotated.v1.schema.json", annotated())).isEmpty();
        assertThat(validate("article-indexed.v1.schema.json",
                new ArticleIndexed(ArticleIndexed.SCHEMA_VERSION, ID, 1, Instant.now()))).isEmpty();
    }

    @Test
    void schemaRejectsAnEventMissingItsText() throws Exception {
        JsonNode json = EventJson.mapper().valueToTree(ingested());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("text");
        assertThat(schema("article-ingested.v1.schema.json").validate(json)).isNotEmpty();
    }

    @Test
    void schemaPropertiesMatchTheRecordComponents() throws Exception {
        assertSameNames("article-ingested.v1.schema.json", ArticleIngested.class, null);
        assertSameNames("article-annotated.v1.schema.json", ArticleAnnotated.class, null);
        assertSameNames("article-annotated.v1.schema.json", Annotation.class, "annotation");
        assertSameNames("article-indexed.v1.schema.json", ArticleIndexed.class, null);
    }

    private static void assertSameNames(String schemaName, Class<? extends Record> type, String def) throws Exception {
        JsonNode node = schema(schemaName).getSchemaNode();
        if (def != null) {
            node = node.path("$defs").path(def);
        }
        Set<String> inSchema = new TreeSet<>();
        node.path("properties").fieldNames().forEachRemaining(inSchema::add);
        Set<String> inRecord = Arrays.stream(type.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inSchema).as("%s properties vs %s", schemaName, type.getSimpleName()).isEqualTo(inRecord);
    }

    @Test
    void eventsSurviveTheKafkaSerdeRoundTrip() {
        byte[] bytes = new JsonEventSerializer<ArticleAnnotated>().serialize("t", annotated());
        ArticleAnnotated back = new ArticleAnnotatedDeserializer().deserialize("t", bytes);
        assertThat(back.article()).isEqualTo(annotated().article());
        assertThat(back.annotation().quotes()).isEqualTo(annotated().annotation().quotes());
        assertThat(back.annotation().embedding()).containsExactly(0.1f, -0.2f);
        assertThat(back.article().publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-07T00:00:00+06:00"));
    }

    @Test
    void nullValueIsATombstoneBothWays() {
        assertThat(new JsonEventSerializer<ArticleIngested>().serialize("t", null)).isNull();
        assertThat(new ArticleIngestedDeserializer().deserialize("t", null)).isNull();
    }

    @Test
    void brokenPayloadIsASerializationError() {
        assertThatThrownBy(() -> new ArticleIngestedDeserializer().deserialize("t", "{\"articleId\":".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
