package org.newsdesk.contracts.serde;

import org.newsdesk.contracts.ArticleIngested;

/** Kafka deserializer for {@link ArticleIngested}, named in each consumer's configuration. */
public class ArticleIngestedDeserializer extends JsonEventDeserializer<ArticleIngested> {

    public ArticleIngestedDeserializer() {
        super(ArticleIngested.class);
    }
}
