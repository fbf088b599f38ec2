package org.newsdesk.query.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.mapping.ApiViews.EntityProfile;
import org.newsdesk.query.mapping.ApiViews.EntitySummary;
import org.newsdesk.query.mapping.ApiViews.Graph;
import org.newsdesk.query.mapping.ApiViews.GraphNode;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.repository.EntityQueries;
import org.newsdesk.query.repository.EntityRepository;
import org.newsdesk.query.repository.EntityRepository.EntityRow;
import org.newsdesk.query.repository.QuoteQueries;

/** Entity lookup, profiles and the co-occurrence graph. */
@ApplicationScoped
public class EntityService {

    @Inject
    EntityRepository entities;

    @Inject
    EntityQueries queries;

    @Inject
    QuoteQueries quotes;

    public Page<EntitySummary> find(String query, EntityType type, int page, int size) {
        long[] total = {0};
        List<EntitySummary> items = queries.find(query, type, page * size, size, total);
        return new Page<>(total[0], page, size, items);
    }

    /** The profile of the entity, or of the entity it was merged into. */
    public EntityProfile profile(long id) {
        EntityRow entity = entities.findCurrent(id)
                .orElseThrow(() -> ProblemException.notFound("no entity " + id));
        long[] total = {0};
        EntityQueries.Activity activity = queries.activity(entity.id());
        EntityQueries.Stats stats = activity.stats();
        return new EntityProfile(entity.id(), entity.name(), entity.type().name(), entity.subtype(), entity.blocked(),
                queries.aliases(entity.id()), stats.articleCount(), stats.mentionCount(), stats.firstSeen(),
                stats.lastSeen(), queries.cooccurring(entity.id(), 10), activity.mentionsPerDay(),
                quotes.find(List.of(entity.id()), true, null, null, null, 0, 10, total),
                quotes.about(entity.id(), 10), queries.history(entity.id(), 50));
    }

    public Graph graph(Long entityId, int limit) {
        Long current = null;
        if (entityId != null) {
            current = entities.findCurrent(entityId).map(EntityRow::id)
                    .orElseThrow(() -> ProblemException.notFound("no entity " + entityId));
        }
        List<GraphNode> nodes = queries.graphNodes(current, limit);
        return new Graph(nodes, queries.graphEdges(EntityQueries.ids(nodes)));
    }
}
