package org.newsdesk.ingest.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One accepted article as Postgres holds it: what arrived, what cleaning made of it, its fingerprints and where
 * it is in the pipeline. Rows are never removed by the API (delete marks them {@code DELETED}), so an id handed
 * to a client always answers.
 */
@Entity
@Table(name = "article")
public class StoredArticle extends PanacheEntityBase {

    @Id
    public UUID id;

    public String source;

    @Column(name = "external_id")
    public String externalId;

    public String title;

    public String byline;

    public String url;

    public String language;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The text as received (after UTF-8 decoding), or null when the article came as HTML. */
    @Column(name = "raw_text")
    public String rawText;

    /** The article's HTML with active content (scripts, frames, event handlers) already removed. */
    @Column(name = "raw_html")
    public String rawHtml;

    @Column(name = "clean_text")
    public String cleanText;

    @Column(name = "content_hash")
    public String contentHash;

    /** MinHash signature, {@code MinHashSignature.toBytes()}. */
    public byte[] minhash;

    @Column(name = "near_duplicate_of")
    public UUID nearDuplicateOf;

    @Column(name = "near_duplicate_similarity")
    public Double nearDuplicateSimilarity;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    @Column(name = "failure_reason")
    public String failureReason;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> warnings;

    public int revision;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
