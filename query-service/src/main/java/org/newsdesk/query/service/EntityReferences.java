package org.newsdesk.query.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.query.repository.EntityQueries;
import org.newsdesk.query.repository.EntityRepository;

/**
 * What a user means by an entity parameter: a number is an entity id (a merged entity's id leads to
 * the entity it was merged into), anything else is a name, resolved through every alias and spelling.
 */
@ApplicationScoped
public class EntityReferences {

    @Inject
    EntityRepository entities;

    @Inject
    EntityQueries queries;

    /** The canonical entity ids; empty when nothing matches. */
    public List<Long> resolve(String reference, EntityType type) {
        String value = reference.strip();
        if (value.chars().allMatch(Character::isDigit) && value.length() <= 18) {
            return entities.findCurrent(Long.parseLong(value)).filter(e -> !e.blocked())
                    .map(e -> List.of(e.id())).orElse(List.of());
        }
        return queries.idsNamed(value, type);
    }
}
