package org.newsdesk.query.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.newsdesk.contracts.Annotation.EntityType;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.mapping.ApiViews.DayCount;
import org.newsdesk.query.mapping.ApiViews.EntityProfile;
import org.newsdesk.query.mapping.ApiViews.EntitySummary;
import org.newsdesk.query.mapping.ApiViews.Page;
import org.newsdesk.query.service.CurationService;
import org.newsdesk.query.service.EntityService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * Entity pages: the list found by name, and one entity's profile (name, type, aliases, the mentions-over-time
 * chart, co-occurring entities, quotes by and about it). Admins also get merge, split, rename and block; those
 * forms are only rendered for admins, and each action checks the role again ({@code @RolesAllowed("admin")}).
 */
@Path("/entities")
@RolesAllowed("reader")
@Blocking
public class EntityPage {

    static final int LIST_SIZE = 30;
    static final int DUPLICATE_SUGGESTIONS = 6;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entity(EntityProfile entity, MentionsChart chart, List<EntitySummary> lookalikes,
                String done, String error);

        static native TemplateInstance entities(String q, String type, Page<EntitySummary> result, String error);
    }

    @Inject
    EntityService entities;

    @Inject
    CurationService curation;

    @Inject
    WebUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@RestQuery String q, @RestQuery String type) {
        String words = q == null ? "" : q.strip();
        EntityType entityType = null;
        String error = null;
        if (type != null && !type.isBlank()) {
            try {
                entityType = EntityType.valueOf(type.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error = "Unknown entity type; showing all types.";
            }
        }
        if (words.length() > 300) {
            error = "Names are limited to 300 characters.";
            words = words.substring(0, 300);
        }
        Page<EntitySummary> result = words.isEmpty() ? new Page<>(0, 0, LIST_SIZE, List.of())
                : entities.find(words, entityType, 0, LIST_SIZE);
        return Response.status(error == null ? 200 : 400)
                .entity(Templates.entities(words, entityType == null ? null : entityType.name(), result, error)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response profile(@RestPath String id, @RestQuery String done) {
        Long entityId = parse(id);
        if (entityId == null) {
            return ErrorPages.notFound("There is no entity with that address.");
        }
        return render(entityId, done, null, 200);
    }

    /** Pulls another entity into this one: the other's aliases and mentions join this entity. */
    @POST
    @Path("{id}/merge")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response merge(@RestPath String id, @RestForm String other, @RestForm String reason) {
        Long target = parse(id);
        Long source = parse(other);
        if (target == null) {
            return ErrorPages.notFound("There is no entity with that address.");
        }
        if (source == null) {
            return render(target, null, "Give the id of the entity to merge into this one.", 400);
        }
        return act(target, () -> curation.merge(source, target, user.name(), reason), "merged");
    }

    /** Moves the chosen aliases (and the mentions written that way) to a new entity. */
    @POST
    @Path("{id}/split")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response split(@RestPath String id, @RestForm("alias") List<String> aliases, @RestForm String reason) {
        Long entityId = parse(id);
        if (entityId == null) {
            return ErrorPages.notFound("There is no entity with that address.");
        }
        List<String> chosen = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank()).toList();
        if (chosen.isEmpty()) {
            return render(entityId, null, "Tick the aliases to split off into a new entity.", 400);
        }
        return act(entityId, () -> curation.split(entityId, chosen, user.name(), reason), "split");
    }

    @POST
    @Path("{id}/rename")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rename(@RestPath String id, @RestForm String name, @RestForm String reason) {
        Long entityId = parse(id);
        if (entityId == null) {
            return ErrorPages.notFound("There is no entity with that address.");
        }
        return act(entityId, () -> curation.rename(entityId, name, user.name(), reason), "renamed");
    }

    @POST
    @Path("{id}/block")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response block(@RestPath String id, @RestForm String reason) {
        Long entityId = parse(id);
        if (entityId == null) {
            return ErrorPages.notFound("There is no entity with that address.");
        }
        return act(entityId, () -> curation.block(entityId, user.name(), reason), "blocked");
    }

    private interface Curation {
        long apply();
    }

    /** Runs a curation and shows the resulting entity, or this entity with the reason it was refused. */
    private Response act(long entityId, Curation action, String done) {
        try {
            long result = action.apply();
            return Response.seeOther(URI.create("/entities/" + result + "?done=" + done)).build();
        } catch (ProblemException e) {
            int status = e.problem().status();
            if (status == 404) {
                return ErrorPages.notFound("That entity no longer exists.");
            }
            return render(entityId, null, e.problem().detail() != null ? e.problem().detail() : e.problem().title(),
                    status >= 400 && status < 500 ? status : 400);
        }
    }

    private Response render(long entityId, String done, String error, int status) {
        EntityProfile profile;
        try {
            profile = entities.profile(entityId);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return ErrorPages.notFound("There is no entity with that address.");
            }
            throw e;
        }
        if (profile.id() != entityId && error == null) {
            // A merged entity lives on in the one it joined: send the browser to that one's address.
            return Response.seeOther(URI.create("/entities/" + profile.id())).build();
        }
        Map<java.time.LocalDate, Long> perDay = new LinkedHashMap<>();
        for (DayCount day : profile.mentionsPerDay() == null ? List.<DayCount>of() : profile.mentionsPerDay()) {
            perDay.merge(day.date(), day.count(), Long::sum);
        }
        List<EntitySummary> lookalikes = user.admin() && !profile.blocked() ? lookalikes(profile) : List.of();
        String doneMessage = switch (done == null ? "" : done) {
            case "merged" -> "Merged: the other entity's names and mentions are now part of this one.";
            case "split" -> "Split: this new entity holds the aliases you chose and their mentions.";
            case "renamed" -> "Renamed. Articles that name it otherwise still resolve here.";
            case "blocked" -> "Blocked: its mentions are gone and its names will not become an entity again.";
            default -> null;
        };
        return Response.status(status)
                .entity(Templates.entity(profile, MentionsChart.of(perDay), lookalikes, doneMessage, error)).build();
    }

    /** Entities of the same type with a similar name or alias: the likely duplicates an admin may merge. */
    private List<EntitySummary> lookalikes(EntityProfile profile) {
        EntityType type;
        try {
            type = EntityType.valueOf(profile.type());
        } catch (IllegalArgumentException | NullPointerException e) {
            type = null;
        }
        String name = profile.name();
        String lastWord = name.contains(" ") ? name.substring(name.lastIndexOf(' ') + 1) : name;
        Map<Long, EntitySummary> found = new LinkedHashMap<>();
        for (String query : List.of(name, lastWord)) {
            if (query.length() < 2) {
                continue;
            }
            for (EntitySummary candidate : entities.find(query, type, 0, DUPLICATE_SUGGESTIONS + 1).items()) {
                if (candidate.id() != profile.id()) {
                    found.putIfAbsent(candidate.id(), candidate);
                }
            }
        }
        return found.values().stream().limit(DUPLICATE_SUGGESTIONS).toList();
    }

    private static Long parse(String id) {
        if (id == null || !id.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(id.strip());
    }
}
