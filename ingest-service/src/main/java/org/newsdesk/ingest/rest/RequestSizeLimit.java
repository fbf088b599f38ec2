package org.newsdesk.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsdesk.contracts.problem.Problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Answers a request whose declared {@code Content-Length} exceeds the HTTP body limit with a 413 problem+json
 * before anything reads the body, instead of the bare 413 the HTTP layer would give. The limit per article
 * (smaller) is enforced by the endpoints themselves.
 */
@ApplicationScoped
public class RequestSizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Content Too Large")
                        .put("status", 413)
                        .put("detail", "the request body has " + declared + " bytes; the limit is " + limit + " bytes");
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
            } else {
                ctx.next();
            }
        });
    }
}
