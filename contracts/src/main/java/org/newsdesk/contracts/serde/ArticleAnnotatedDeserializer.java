package org.newsdesk.contracts.serde;

import org.newsdesk.contracts.ArticleAnnotated;

/** Kafka deserializer for {@link ArticleAnnotated}, named in each consumer's configuration. */
public class ArticleAnnotatedDeserializer extends JsonEventDeserializer<ArticleAnnotated> {

    public ArticleAnnotatedDeserializer() {
        super(ArticleAnnotated.class);
    }
}
