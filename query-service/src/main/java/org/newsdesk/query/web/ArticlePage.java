package org.newsdesk.query.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.query.mapping.ApiViews.ArticleEntity;
import org.newsdesk.query.mapping.ApiViews.ArticleView;
import org.newsdesk.query.mapping.ApiViews.MentionView;
import org.newsdesk.query.service.ArticleService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;

/**
 * The Article page: the clean text with every entity mention highlighted by type and linked to its profile,
 * then the quotes with their speakers, the dates and numeric facts, keyphrases, and the story cluster and
 * duplicates. Article text is shown as text only, whatever it contains.
 */
@Path("/articles")
@RolesAllowed("reader")
@Blocking
public class ArticlePage {

    /** The article's entities of one type, most mentioned first. */
    public record EntityGroup(String type, String label, List<ArticleEntity> entities) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance article(ArticleView article, List<AnnotatedText.Paragraph> paragraphs,
                List<EntityGroup> entityGroups);
    }

    @Inject
    ArticleService articles;

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response article(@RestPath String id) {
        UUID articleId;
        try {
            articleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return ErrorPages.notFound("There is no article with that address.");
        }
        ArticleView article;
        try {
            article = articles.article(articleId);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                return ErrorPages.notFound("There is no article with that address (it may have been deleted).");
            }
            throw e;
        }
        List<AnnotatedText.Highlight> highlights = new ArrayList<>();
        for (ArticleEntity entity : article.entities() == null ? List.<ArticleEntity>of() : article.entities()) {
            for (MentionView mention : entity.mentions() == null ? List.<MentionView>of() : entity.mentions()) {
                highlights.add(new AnnotatedText.Highlight(mention.start(), mention.end(), entity.id(), entity.type(),
                        entity.name()));
            }
        }
        return Response.ok(Templates.article(article, AnnotatedText.of(article.text(), highlights), groups(article)))
                .build();
    }

    private static List<EntityGroup> groups(ArticleView article) {
        List<EntityGroup> groups = new ArrayList<>();
        String[][] types = {{"PERSON", "People"}, {"ORGANIZATION", "Organisations"}, {"LOCATION", "Places"}, {"MISC", "Other"}};
        for (String[] type : types) {
            List<ArticleEntity> ofType = (article.entities() == null ? List.<ArticleEntity>of() : article.entities()).stream()
                    .filter(e -> type[0].equals(e.type()))
                    .sorted(Comparator.comparingInt(ArticleEntity::mentionCount).reversed().thenComparing(ArticleEntity::name))
                    .toList();
            if (!ofType.isEmpty()) {
                groups.add(new EntityGroup(type[0], type[1], ofType));
            }
        }
        return groups;
    }
}
