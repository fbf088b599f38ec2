package org.newsdesk.query.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.mapping.ApiViews.EntityProfile;
import org.newsdesk.query.mapping.ApiViews.EntitySummary;
import org.newsdesk.query.mapping.ApiViews.Graph;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.service.CurationService;
import org.newsdesk.query.service.EntityService;

import io.quarkus.security.identity.SecurityIdentity;

/** Entities: fuzzy lookup, profiles, the co-occurrence graph, and admin curation. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "entities")
public class EntityResource {

    /** Body of a curation command; each command reads the fields it needs. */
    public record CurationRequest(Long into, List<String> aliases, String name, String reason) {
    }

    private static final java.util.regex.Pattern CURATION = java.util.regex.Pattern.compile("(\\d{1,18}):(merge|split|rename|block)");

    @Inject
    EntityService entities;

    @Inject
    CurationService curation;

    @Inject
    SecurityIdentity identity;

    @Inject
    QueryConfig config;

    @GET
    @Path("entities")
    @RolesAllowed("reader")
    @Operation(summary = "Find entities by name, fuzzily and through every alias (no q: most named first)")
    public Page<EntitySummary> find(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), "q", "type", "page", "size");
        String query = request.text("q");
        var type = ArticleFilterParameters.type(request);
        int page = request.page();
        int size = request.size();
        request.checkDepth(page, size);
        request.validate();
        return entities.find(query, type, page, size);
    }

    @GET
    @Path("entities/{id}")
    @RolesAllowed("reader")
    @Operation(summary = "Entity profile: aliases, counts, first/last seen, co-occurring entities, mentions per day, "
            + "latest quotes by and about it, curation history")
    public EntityProfile profile(@PathParam("id") String id, @Context UriInfo uri) {
        ApiRequest.of(uri, config.api()).validate();
        return entities.profile(entityId(id));
    }

    @GET
    @Path("graph")
    @RolesAllowed("reader")
    @Operation(summary = "Co-occurrence graph: nodes and edges weighted by shared articles",
            description = "With entity: that entity and the entities most often named with it; without: the most "
                    + "named entities. limit caps the nodes (2 to 100, default 25).")
    public Graph graph(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), "entity", "limit");
        Long entity = request.id("entity");
        int limit = request.integer("limit", 25, 2, 100);
        request.validate();
        return entities.graph(entity, limit);
    }

    /**
     * Admin curation, {@code POST /api/v1/entities/{id}:merge|:split|:rename|:block} (one method, because
     * a path template cannot end a segment in a literal after a parameter). Bodies:
     * merge {@code {"into": id, "reason"}}, split {@code {"aliases": [..], "reason"}} (answers the new
     * entity), rename {@code {"name", "reason"}}, block {@code {"reason"}}.
     */
    @POST
    @Path("entities/{command}")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Curate an entity: {id}:merge, {id}:split, {id}:rename or {id}:block",
            description = "merge {\"into\": id} pins the merged aliases to the survivor; split {\"aliases\": [..]} "
                    + "moves aliases and the mentions written that way into a new entity; rename {\"name\"} fixes "
                    + "the name; block marks a false positive whose names never become an entity again. Every change "
                    + "is kept in the entity's history with the admin's name and reason.")
    public EntityProfile curate(@PathParam("command") String command, CurationRequest body) {
        java.util.regex.Matcher m = CURATION.matcher(command);
        if (!m.matches()) {
            throw new ProblemException(404, "Not Found", "no curation command '"
                    + (command.length() > 60 ? command.substring(0, 60) + "…" : command)
                    + "'; use {id}:merge, {id}:split, {id}:rename or {id}:block");
        }
        long id = entityId(m.group(1));
        CurationRequest request = body == null ? new CurationRequest(null, null, null, null) : body;
        long result = switch (m.group(2)) {
            case "merge" -> {
                if (request.into() == null) {
                    throw ProblemException.badRequest("body {\"into\": <entity id>} is required");
                }
                yield curation.merge(id, request.into(), actor(), request.reason());
            }
            case "split" -> {
                if (request.aliases() == null || request.aliases().isEmpty()) {
                    throw ProblemException.badRequest("body {\"aliases\": [\"...\"]} is required");
                }
                yield curation.split(id, request.aliases(), actor(), request.reason());
            }
            case "rename" -> curation.rename(id, request.name(), actor(), request.reason());
            default -> curation.block(id, actor(), request.reason());
        };
        return entities.profile(result);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static long entityId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("not an entity id: '"
                    + (id != null && id.length() > 60 ? id.substring(0, 60) + "…" : id) + "'");
        }
        return Long.parseLong(id);
    }
}
