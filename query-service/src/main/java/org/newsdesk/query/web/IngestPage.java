package org.newsdesk.query.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The Ingest page for editors: paste wire copy or upload files, then watch each item move through the
 * pipeline (RECEIVED, PUBLISHED, ANNOTATED, INDEXED or FAILED with the reason). The page only relays to
 * ingest-service with the editor's token; it stores nothing and never ingests without an explicit submit.
 */
@Path("/ingest")
@RolesAllowed("editor")
@Blocking
public class IngestPage {

    /** At most this many items are tracked on one page (an NDJSON upload may hold thousands). */
    static final int MAX_TRACKED = 100;
    static final int RECENT = 15;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ingest(List<IngestItem> items, String refresh, List<IngestItem> recent,
                String error, String pastedText);

        static native TemplateInstance row(IngestItem item);
    }

    @Inject
    IngestForwarder forwarder;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@RestQuery("item") List<String> itemIds) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String id : itemIds == null ? List.<String>of() : itemIds) {
            parse(id).ifPresent(ids::add);
            if (ids.size() >= MAX_TRACKED) {
                break;
            }
        }
        List<IngestItem> items = ids.stream().map(forwarder::status).toList();
        return Templates.ingest(items, location(items).toString(), forwarder.recent(RECENT), null, null);
    }

    @POST
    @Path("paste")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response paste(@RestForm String text, @RestForm String title, @RestForm String source,
            @RestForm String externalId) {
        if (text == null || text.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.ingest(List.of(), null, forwarder.recent(RECENT), "Paste the article text first.", text))
                    .build();
        }
        IngestItem item = forwarder.paste(title, source, externalId, text);
        if (item.id() == null) {
            int status = item.problem() != null && item.problem().status() >= 400 ? item.problem().status() : 502;
            return Response.status(status)
                    .entity(Templates.ingest(List.of(item), null, forwarder.recent(RECENT), null, text)).build();
        }
        return seeOther(List.of(item));
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response upload(@RestForm("files") List<FileUpload> files, @RestForm String source) {
        List<FileUpload> chosen = files == null ? List.of()
                : files.stream().filter(f -> f.size() > 0 && f.fileName() != null && !f.fileName().isBlank()).toList();
        if (chosen.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.ingest(List.of(), null, forwarder.recent(RECENT), "Choose one or more files first.", null))
                    .build();
        }
        List<IngestItem> items = forwarder.upload(chosen, source);
        if (items.stream().anyMatch(i -> i.id() == null)) {
            // Refused items have no id to look up later, so show them now, next to the accepted ones.
            List<IngestItem> shown = items.subList(0, Math.min(items.size(), MAX_TRACKED));
            return Response.ok(Templates.ingest(shown, location(shown).toString(), forwarder.recent(RECENT), null, null))
                    .build();
        }
        return seeOther(items);
    }

    /** One status row, polled by the page's script until the item settles. */
    @GET
    @Path("items/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response item(@RestPath String id) {
        return parse(id).map(uuid -> Response.ok(Templates.row(forwarder.status(uuid))).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    /** Post/redirect/get: the item list lives in the address, so a reload polls instead of ingesting again. */
    private static Response seeOther(List<IngestItem> items) {
        return Response.seeOther(location(items)).build();
    }

    /** {@code /ingest?item=…&item=…}: the page that tracks these items. */
    private static URI location(List<IngestItem> items) {
        UriBuilder uri = UriBuilder.fromPath("/ingest");
        List<Object> ids = new ArrayList<>();
        for (IngestItem item : items) {
            if (item.id() != null && ids.size() < MAX_TRACKED) {
                ids.add(item.id().toString());
            }
        }
        if (!ids.isEmpty()) {
            uri.queryParam("item", ids.toArray());
        }
        return uri.build();
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return id == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
