package org.newsdesk.ingest.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.contracts.problem.ProblemMappers;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Gives 401 and 403 the same RFC 9457 problem+json body as every other error. A missing or bad token is refused
 * by the HTTP layer before JAX-RS (hence the Vert.x failure handler); a missing role is refused by JAX-RS (hence
 * the exception mappers). It never changes who is let in, only what the refusal looks like.
 */
@ApplicationScoped
public class SecurityProblems {

    void install(@Observes Router router) {
        // No credentials at all: the HTTP layer would send a bare challenge, so answer first, with the same status.
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(ctx -> {
            if (ctx.request().getHeader("Authorization") == null) {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(json(401, "Unauthorized", "a bearer token is required"));
            } else {
                ctx.next();
            }
        });
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                    || failure instanceof AuthenticationCompletionException) {
                if (!ctx.response().ended() && !ctx.response().headWritten()) {
                    ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer")
                            .putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .end(json(401, "Unauthorized", "a valid bearer token is required"));
                    return;
                }
            }
            ctx.next();
        });
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return ProblemMappers.response(Problem.of(403, "Forbidden", "your roles do not allow this request"));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Response.fromResponse(ProblemMappers.response(Problem.of(401, "Unauthorized",
                "a valid bearer token is required"))).header("WWW-Authenticate", "Bearer").build();
    }

    private static String json(int status, String title, String detail) {
        return new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                .put("detail", detail).encode();
    }
}
