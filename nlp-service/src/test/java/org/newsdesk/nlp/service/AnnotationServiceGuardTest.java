package org.newsdesk.nlp.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newsdesk.nlp.config.NlpServiceConfig;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the service refuses before CoreNLP sees a text, without loading any model: the byte cap and the wait for the
 * model. Plain JUnit; the annotator itself is never built here.
 */
class AnnotationServiceGuardTest {

    static AnnotationService service(int maxTextBytes) {
        AnnotationService service = new AnnotationService();
        service.loader = new AnnotatorLoader(); // never started: stays LOADING
        service.registry = new SimpleMeterRegistry();
        service.config = new NlpServiceConfig() {
            public String annotatorVersion() {
                return "test";
            }

            public int maxTextBytes() {
                return maxTextBytes;
            }

            public int maxEmbedBytes() {
                return 8192;
            }

            public Optional<String> instanceId() {
                return Optional.empty();
            }

            public Http http() {
                return new Http() {
                    public int concurrency() {
                        return 1;
                    }

                    public Duration queueTimeout() {
                        return Duration.ofMillis(10);
                    }
                };
            }

            public Messaging messaging() {
                throw new UnsupportedOperationException();
            }
        };
        service.init();
        return service;
    }

    @Test
    void textOverTheByteCapIsRefusedAndCountedAsAFailure() {
        AnnotationService service = service(20);
        String text = "Алматы, 7 января."; // 17 characters, 29 UTF-8 bytes

        assertThatThrownBy(() -> service.annotateText(text, null, "ru"))
                .isInstanceOf(TextTooLargeException.class)
                .hasMessageContaining("29 UTF-8 bytes");
        assertThat(service.registry.get("newsdesk.annotation.failures").tag("source", "http")
                .tag("reason", "TextTooLargeException").counter().count()).isEqualTo(1.0);
    }

    @Test
    void synchronousCallWhileTheModelLoadsIsUnavailableAtOnce() {
        AnnotationService service = service(1_000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> service.annotateText("Tokayev spoke in Almaty.", null, "en"))
                .isInstanceOf(AnnotatorUnavailableException.class)
                .hasMessageContaining("loading");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void utf8LengthAgreesWithTheEncoderOnMixedScripts() {
        for (String text : new String[] {"", "Tokayev", "Алматы – «Казахстан»", "Nur-Sultan 🇰🇿 😀 \u00e9t\u00e9",
                "lone surrogate \uD83D end"}) {
            assertThat(AnnotationService.utf8Length(text)).as(text)
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void wordCountSkipsSpacesAndPunctuationAndKeepsHyphenatedNamesAndNumbersWhole() {
        assertThat(AnnotationService.countWords("Kassym-Jomart Tokayev said 3,000 people were detained.")).isEqualTo(7);
    }
}
