package org.newsdesk.ingest.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.newsdesk.contracts.problem.Problem;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.ingest.format.FeedParseException;
import org.newsdesk.ingest.format.FeedParser;
import org.newsdesk.ingest.mapping.BatchLineResult;
import org.newsdesk.ingest.model.IncomingArticle;
import org.newsdesk.ingest.service.BatchIngestService;
import org.newsdesk.ingest.service.BatchItem;
import org.newsdesk.ingest.service.BodyDecoder;

/**
 * {@code POST /api/v1/articles:upload}: multipart files, each read by its extension (.txt, .html/.htm, .json,
 * .ndjson/.jsonl, RSS/Atom .xml/.rss/.atom). An article without its own externalId takes the file name without
 * extension (NDJSON lines add {@code #line}). Answers one result per article, files in the order sent.
 */
@Path("/api/v1/articles:upload")
public class ArticleUploadResource {

    @Inject
    BatchIngestService batches;

    @Inject
    BodyDecoder bodies;

    @Inject
    FeedParser feeds;

    @POST
    @RolesAllowed("editor")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public List<BatchLineResult> upload(@RestForm(FileUpload.ALL) List<FileUpload> files,
            @QueryParam("source") String source) {
        if (files == null || files.isEmpty()) {
            throw ProblemException.badRequest("no files: send one or more multipart file parts");
        }
        List<BatchItem> items = new ArrayList<>();
        for (FileUpload file : files) {
            items.addAll(itemsOf(file, source));
        }
        return batches.ingestAll(items);
    }

    private List<BatchItem> itemsOf(FileUpload file, String source) {
        String name = file.fileName() == null || file.fileName().isBlank() ? file.name() : file.fileName();
        String baseName = baseName(name);
        String extension = extension(name);
        if (file.size() > bodies.maxArticleBytes() && !extension.equals("ndjson") && !extension.equals("jsonl")
                && !isFeed(extension)) {
            return List.of(BatchItem.rejected(name, 1, bodies.tooLargeProblem(file.size(), "file " + name)));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            return List.of(BatchItem.rejected(name, 1, Problem.of(400, "Bad Request", "file " + name + " could not be read")));
        }
        switch (extension) {
            case "txt", "text", "html", "htm" -> {
                BodyDecoder.Decoded decoded = bodies.decode(bytes, null);
                boolean html = extension.startsWith("htm");
                IncomingArticle article = new IncomingArticle(html ? null : decoded.text(), html ? decoded.text() : null,
                        null, null, source, null, null, baseName);
                return List.of(BatchItem.of(name, 1, article, decoded.warnings()));
            }
            case "json" -> {
                BodyDecoder.Decoded decoded = bodies.decode(bytes, null);
                try {
                    IncomingArticle article = BodyDecoder.withDefaults(bodies.parseJsonArticle(decoded.text()), baseName, source);
                    return List.of(BatchItem.of(name, 1, article, decoded.warnings()));
                } catch (ProblemException e) {
                    return List.of(BatchItem.rejected(name, 1, e.problem()));
                }
            }
            case "ndjson", "jsonl" -> {
                return bodies.ndjsonItems(bytes, name, baseName, source);
            }
            default -> {
                if (isFeed(extension)) {
                    return feedItems(name, bytes, source);
                }
                return List.of(BatchItem.rejected(name, 1, Problem.of(415, "Unsupported Media Type",
                        "file " + name + ": unsupported type; send .txt, .html, .json, .ndjson or RSS/Atom .xml")));
            }
        }
    }

    private List<BatchItem> feedItems(String name, byte[] bytes, String source) {
        try {
            return FeedImportResource.items(name, feeds.parse(bytes), source, bodies);
        } catch (FeedParseException e) {
            return List.of(BatchItem.rejected(name, 1, Problem.of(400, "Bad Request", "file " + name + ": " + e.getMessage())));
        } catch (RuntimeException e) {
            return List.of(BatchItem.rejected(name, 1, Problem.of(400, "Bad Request",
                    "file " + name + ": unreadable feed (" + e.getClass().getSimpleName() + ")")));
        }
    }

    private static boolean isFeed(String extension) {
        return extension.equals("xml") || extension.equals("rss") || extension.equals("atom");
    }

    private static String baseName(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
