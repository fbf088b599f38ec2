package org.newsdesk.query.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.newsdesk.contracts.problem.Problem;

import io.quarkus.logging.Log;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Hands what an editor pasted or uploaded to ingest-service and reads the pipeline status back, always with
 * the editor's own access token from the login session. Failures come back as items with a problem, so the
 * page can show them next to the others; it never retries an ingest on its own (the editor decides).
 */
@RequestScoped
public class IngestForwarder {

    @Inject
    @RestClient
    IngestServiceClient ingest;

    @Inject
    SecurityIdentity identity;

    public IngestItem paste(String title, String source, String externalId, String text) {
        try {
            return ingest.ingestText(bearer(), blankToNull(title), blankToNull(source), blankToNull(externalId), text);
        } catch (WebApplicationException | ProcessingException e) {
            return IngestItem.refused(null, titleOf(title, text), problemOf(e));
        }
    }

    public List<IngestItem> upload(List<FileUpload> files, String source) {
        ClientMultipartForm form = ClientMultipartForm.create();
        for (FileUpload file : files) {
            String name = file.fileName() == null || file.fileName().isBlank() ? "upload.txt" : file.fileName();
            form.binaryFileUpload("file", name, file.uploadedFile().toString(),
                    file.contentType() == null ? "application/octet-stream" : file.contentType());
        }
        try {
            return ingest.upload(bearer(), blankToNull(source), form);
        } catch (WebApplicationException | ProcessingException e) {
            List<IngestItem> refused = new ArrayList<>();
            Problem problem = problemOf(e);
            for (FileUpload file : files) {
                refused.add(IngestItem.refused(file.fileName(), null, problem));
            }
            return refused;
        }
    }

    /** The article's current pipeline status; a problem item when ingest-service cannot say. */
    public IngestItem status(UUID id) {
        try {
            return ingest.article(bearer(), id.toString());
        } catch (WebApplicationException | ProcessingException e) {
            Problem problem = problemOf(e);
            return new IngestItem(id, "UNKNOWN", null, null, null, null, null, null, null, null, null, null, problem);
        }
    }

    /** The newest articles ingest-service holds, or an empty list when it cannot be reached. */
    public List<IngestItem> recent(int size) {
        try {
            IngestItemPage page = ingest.recent(bearer(), 0, size);
            return page == null || page.items() == null ? List.of() : page.items();
        } catch (WebApplicationException | ProcessingException e) {
            Log.debugf("recent articles from ingest-service unavailable: %s", e.getMessage());
            return List.of();
        }
    }

    private String bearer() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the login session");
        }
        return "Bearer " + token.getToken();
    }

    private static Problem problemOf(RuntimeException e) {
        if (e instanceof WebApplicationException wae) {
            Response response = wae.getResponse();
            try {
                Problem problem = response.readEntity(Problem.class);
                if (problem != null) {
                    return problem;
                }
            } catch (RuntimeException unreadable) {
                Log.debugf("ingest-service answered %d without a problem body", response.getStatus());
            }
            return Problem.of(response.getStatus(), "ingest-service refused the request",
                    "HTTP " + response.getStatus() + " from ingest-service");
        }
        Log.warnf("ingest-service is unreachable: %s", e.getMessage());
        return Problem.of(503, "Service Unavailable", "ingest-service cannot be reached right now; try again shortly");
    }

    private static String titleOf(String title, String text) {
        if (title != null && !title.isBlank()) {
            return title.strip();
        }
        if (text == null) {
            return null;
        }
        return text.strip().lines().findFirst().map(String::strip).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
