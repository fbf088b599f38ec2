package org.newsdesk.query.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation;
import org.newsdesk.query.repository.EntityRepository;
import org.newsdesk.query.resolution.EntityNameKey;
import org.newsdesk.query.resolution.EntityResolver;
import org.newsdesk.query.resolution.IncomingEntity;
import org.newsdesk.query.resolution.Resolution;

import io.quarkus.logging.Log;

/**
 * Turns an article's entity into a canonical entity id: asks {@link EntityResolver} and carries out its
 * decision (create, join and record the new name forms with their reason, adopt a fuller name). Runs
 * inside the indexing transaction; it never merges two existing entities (only an admin does).
 */
@ApplicationScoped
public class EntityRegistry {

    /** The canonical entity and why the article's entity joined it (null reason for a new entity). */
    public record Registered(long entityId, String reason) {
    }

    @Inject
    EntityRepository entities;

    private EntityResolver resolver;

    @jakarta.annotation.PostConstruct
    void init() {
        resolver = new EntityResolver(entities);
    }

    /** The canonical entity of {@code entity}, or null when its name is blocked or no name at all. */
    public Registered register(UUID articleId, Annotation.Entity entity) {
        if (entity.name() == null || entity.type() == null) {
            return null;
        }
        List<String> mentionTexts = entity.mentions() == null ? List.of()
                : entity.mentions().stream().map(Annotation.Mention::text).filter(t -> t != null).toList();
        EntityNameKey name = EntityNameKey.of(entity.name(), entity.type());
        entities.lockNameFamily(entity.type() + ":" + family(name));
        Resolution resolution = resolver.resolve(new IncomingEntity(entity.name(), entity.type(), mentionTexts));
        switch (resolution.outcome()) {
            case DROP -> {
                Log.debugf("entity '%s' of article %s dropped: %s", entity.name(), articleId, resolution.evidence());
                return null;
            }
            case CREATE -> {
                long id = entities.create(resolution.name(), entity.type(), entity.subtype());
                entities.addAliases(id, resolution.aliases(), "NEW_ENTITY", false);
                return new Registered(id, null);
            }
            default -> {
                long id = resolution.entityId();
                if (resolution.adoptName()) {
                    entities.adoptName(id, resolution.name());
                }
                List<EntityNameKey> added = entities.addAliases(id, resolution.aliases(), resolution.reason().name(), false);
                for (EntityNameKey alias : added) {
                    entities.audit(null, id, "RESOLVE", resolution.reason().name(), alias.display(), articleId,
                            resolution.evidence(), "resolver");
                }
                return new Registered(id, resolution.reason().name());
            }
        }
    }

    /**
     * The lock family of a name: every name that could resolve to the same entity shares it (a person's
     * surname, an organisation's acronym letters), so concurrent consumers never create it twice.
     */
    private static String family(EntityNameKey name) {
        if (name.surnameKey() != null) {
            return name.surnameKey();
        }
        return name.acronymKey() != null ? name.acronymKey() : name.translitKey();
    }
}
