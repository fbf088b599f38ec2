package org.newsdesk.ingest.rest;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsdesk.contracts.problem.Problem;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers request bodies that break before JAX-RS sees them (a truncated or boundary-less multipart body, a body
 * over the HTTP limit sent without Content-Length) with a 4xx problem+json instead of the HTTP layer's generic
 * 500 or bare 413. A genuine server fault still goes on to the default handler as a 500.
 */
@ApplicationScoped
public class MalformedRequestProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (ctx.statusCode() == 413) {
            answer(ctx, 413, "Content Too Large", "the request body is over the HTTP body limit");
        } else if (isMultipart(ctx) && causedByIo(ctx.failure())) {
            answer(ctx, 400, "Bad Request", "malformed multipart body: " + ctx.failure().getMessage());
        } else {
            ctx.next();
        }
    }

    private static boolean isMultipart(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static void answer(RoutingContext ctx, int status, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }
}
