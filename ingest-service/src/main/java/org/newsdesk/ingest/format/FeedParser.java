package org.newsdesk.ingest.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.newsdesk.ingest.model.IncomingArticle;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document with ROME into {@link FeedItem}s.
 * <p>
 * It never fetches anything: the caller hands it bytes. DOCTYPEs are refused (no external entities), and a
 * document that is not a feed fails as a whole with a {@link FeedParseException} naming the problem; an item with
 * no content is still returned (its link may be fetched later) and the caller decides what to do with it.
 */
public final class FeedParser {

    /**
     * @param title    the feed's title (used as the articles' source)
     * @param link     the feed's site link
     * @param language the feed's declared language as ISO 639-1, or null
     * @param items    the items in document order
     */
    public record ParsedFeed(String title, String link, String language, List<FeedItem> items) {

        /** The items as incoming articles, with the feed title as source. */
        public List<IncomingArticle> articles() {
            return items.stream().map(item -> item.toIncomingArticle(title, language)).toList();
        }
    }

    private static final Pattern ROOT_ELEMENT = Pattern.compile("<([A-Za-z_][\\w:.-]*)");

    public ParsedFeed parse(byte[] document) throws FeedParseException {
        if (document == null || document.length == 0 || new String(document, 0, Math.min(document.length, 512),
                java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
            throw new FeedParseException("empty feed document", null);
        }
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document))) {
            feed = input.build(reader);
        } catch (ParsingFeedException e) {
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            cause = cause.replaceFirst("^Error on line \\d+: ", "");
            throw new FeedParseException(String.format("malformed feed XML at line %d, column %d: %s",
                    e.getLineNumber(), e.getColumnNumber(), cause), e.getLineNumber(), e.getColumnNumber(), e);
        } catch (IllegalArgumentException e) {
            throw new FeedParseException("not an RSS or Atom feed: root element <" + rootElement(document)
                    + "> (" + e.getMessage() + ")", e);
        } catch (FeedException e) {
            throw new FeedParseException("invalid feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("unreadable feed encoding: " + e.getMessage(), e);
        }
        String language = primaryLanguage(feed.getLanguage());
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(toItem(entry));
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), blankToNull(feed.getLink()), language, List.copyOf(items));
    }

    private static FeedItem toItem(SyndEntry entry) {
        SyndContent content = null;
        for (SyndContent candidate : entry.getContents()) {
            if (candidate.getValue() != null && !candidate.getValue().isBlank()) {
                content = candidate;
                break;
            }
        }
        if (content == null && entry.getDescription() != null && entry.getDescription().getValue() != null
                && !entry.getDescription().getValue().isBlank()) {
            content = entry.getDescription();
        }
        String html = null;
        String text = null;
        if (content != null) {
            if (isPlainText(content.getType())) {
                text = content.getValue().trim();
            } else {
                html = content.getValue().trim();
            }
        }
        String link = blankToNull(entry.getLink());
        String uri = blankToNull(entry.getUri());
        if (link == null && uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) {
            link = uri;
        }
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        OffsetDateTime published = date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
        return new FeedItem(plainTitle(entry.getTitle()), link, published, blankToNull(entry.getAuthor()), html, text,
                uri != null ? uri : link);
    }

    /** Atom says "text"; some feeds say "text/plain". Everything else (html, xhtml, text/html, none) is HTML. */
    private static boolean isPlainText(String type) {
        return type != null && (type.equalsIgnoreCase("text") || type.toLowerCase(Locale.ROOT).startsWith("text/plain"));
    }

    private static String plainTitle(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        return title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parse(title).text().trim() : title.trim();
    }

    private static String rootElement(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 4096), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->|<!.*?>", "");
        Matcher m = ROOT_ELEMENT.matcher(head);
        return m.find() ? m.group(1) : "?";
    }

    private static String primaryLanguage(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String primary = declared.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.length() == 2 ? primary : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
