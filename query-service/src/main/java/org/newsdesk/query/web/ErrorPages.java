package org.newsdesk.query.web;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages' own error answers (HTML in the site's layout, never a stack trace or a JSON problem). */
final class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound(String message);
    }

    private ErrorPages() {
    }

    static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).entity(Templates.notFound(message)).build();
    }
}
