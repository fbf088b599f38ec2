package org.newsdesk.contracts.serde;

import org.newsdesk.contracts.ArticleIndexed;

/** Kafka deserializer for {@link ArticleIndexed}, named in each consumer's configuration. */
public class ArticleIndexedDeserializer extends JsonEventDeserializer<ArticleIndexed> {

    public ArticleIndexedDeserializer() {
        super(ArticleIndexed.class);
    }
}
