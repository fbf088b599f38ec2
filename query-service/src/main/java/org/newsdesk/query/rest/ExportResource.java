package org.newsdesk.query.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsdesk.contracts.EventJson;
import org.newsdesk.query.config.QueryConfig;
import org.newsdesk.query.repository.ArticleFilter;
import org.newsdesk.query.repository.Database;
import org.newsdesk.query.service.EntityReferences;
import org.newsdesk.query.service.SearchService;

/**
 * Streams every article matching the search filters as CSV or JSON lines, newest first, straight from a
 * database cursor. CSV cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
@Path("/api/v1/export")
@Tag(name = "search")
public class ExportResource {

    private static final String[] COLUMNS = {"id", "externalId", "title", "source", "url", "publishedAt", "language",
            "clusterId", "score"};

    @Inject
    SearchService search;

    @Inject
    EntityReferences references;

    @Inject
    QueryConfig config;

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "Export matching articles", description = "Same filters as search; format=csv|jsonl (default jsonl).")
    public Response export(@Context UriInfo uri) {
        ApiRequest request = ApiRequest.of(uri, config.api(), ArticleFilterParameters.with("format"));
        String format = request.oneOf("format", "JSONL", "csv", "jsonl");
        ArticleFilter filter = ArticleFilterParameters.read(request, references);
        boolean csv = "CSV".equals(format);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            if (csv) {
                writer.write(String.join(",", COLUMNS) + "\r\n");
            }
            search.export(filter, config.api().maxExportRows(), row -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("id", Database.uuid(row, "id"));
                line.put("externalId", row.getString("external_id"));
                line.put("title", row.getString("title"));
                line.put("source", row.getString("source"));
                line.put("url", row.getString("url"));
                line.put("publishedAt", Database.instant(row, "published_at"));
                line.put("language", row.getString("language"));
                line.put("clusterId", Database.uuid(row, "cluster_id"));
                float score = row.getFloat("score");
                line.put("score", row.wasNull() ? null : score);
                try {
                    writer.write(csv ? csvLine(line) : EventJson.mapper().writeValueAsString(line) + "\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body)
                .type(csv ? "text/csv; charset=utf-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"newsdesk-export." + (csv ? "csv" : "jsonl") + "\"")
                .build();
    }

    private static String csvLine(Map<String, Object> line) {
        StringBuilder csv = new StringBuilder();
        for (Object value : line.values()) {
            if (!csv.isEmpty()) {
                csv.append(',');
            }
            if (value == null) {
                continue;
            }
            String text = value.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        }
        return csv.append("\r\n").toString();
    }
}
