package org.newsdesk.nlp.config;

import jakarta.inject.Singleton;

import org.newsdesk.contracts.EventJson;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Makes the REST layer write JSON exactly as the events are written (ISO dates, no null fields), so that
 * {@code POST /api/v1/annotate} answers the same {@code Annotation} JSON as {@code articles.annotated} carries.
 */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
