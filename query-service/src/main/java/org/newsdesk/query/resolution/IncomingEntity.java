package org.newsdesk.query.resolution;

import java.util.List;

import org.newsdesk.contracts.Annotation.EntityType;

/**
 * One entity as an article's annotation names it: the article-local canonical name, its type and the
 * texts of its mentions ("President Tokayev", "Tokayev", "Kassym-Zhomart Tokayev").
 */
public record IncomingEntity(String name, EntityType type, List<String> mentionTexts) {

    public IncomingEntity {
        mentionTexts = mentionTexts == null ? List.of() : List.copyOf(mentionTexts);
    }
}
