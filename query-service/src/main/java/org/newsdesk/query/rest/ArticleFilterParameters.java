package org.newsdesk.query.rest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.service.EntityReferences;

/** The filter parameters that search, timeline and export share, read from one request. */
final class ArticleFilterParameters {

    static final Set<String> NAMES = Set.of("q", "entity", "type", "from", "to", "source", "lang", "cluster");

    private ArticleFilterParameters() {
    }

    static String[] with(String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(NAMES);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The entity type parameter, or null. */
    static EntityType type(ApiRequest request) {
        String type = request.oneOf("type", null, "PERSON", "ORGANIZATION", "LOCATION", "MISC");
        return type == null ? null : EntityType.valueOf(type);
    }

    static ArticleFilter read(ApiRequest request, EntityReferences references) {
        String query = request.text("q");
        String entity = request.text("entity");
        EntityType type = type(request);
        Instant from = request.from("from");
        Instant to = request.to("to");
        if (from != null && to != null && !from.isBefore(to)) {
            request.error("'from' must be before 'to'");
        }
        String source = request.text("source");
        String language = request.text("lang");
        var cluster = request.uuid("cluster");
        request.validate();
        List<Long> entityIds = entity == null ? List.of() : references.resolve(entity, type);
        return new ArticleFilter(query, entityIds, entity != null, from, to, source, language, cluster);
    }
}
