package org.newsdesk.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Routes {@code /api/v1/articles%3Abatch} like {@code /api/v1/articles:batch}. Many HTTP clients percent-encode the
 * colon of Google-style custom methods ({@code articles:batch}, {@code {id}:reprocess}), and the JAX-RS matcher
 * compares the raw path, so without this those clients would get a 404 for a path that exists.
 */
@ApplicationScoped
public class EncodedColonPaths {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.request().path();
            if (path != null && path.startsWith("/api/") && (path.contains("%3A") || path.contains("%3a"))) {
                String query = ctx.request().query();
                String decoded = path.replace("%3A", ":").replace("%3a", ":");
                ctx.reroute(query == null ? decoded : decoded + "?" + query);
            } else {
                ctx.next();
            }
        });
    }
}
