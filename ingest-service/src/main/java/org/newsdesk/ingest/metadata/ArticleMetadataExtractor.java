package org.newsdesk.ingest.metadata;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.newsdesk.ingest.cleaning.BoilerplateStripper;
import org.newsdesk.ingest.cleaning.HtmlMetadata;
import org.newsdesk.ingest.cleaning.Removal;
import org.newsdesk.ingest.cleaning.TextNormaliser;

/**
 * Reads title, byline, publication date, site name and canonical URL from an article's raw text and, when the
 * article came as HTML, from the page's metadata (which wins, being structured).
 * <p>
 * In text it looks only where publishers put these things: the header lines before the first body paragraph,
 * and stamp lines marked "Published". It must never take a date from the story body ("on January 5") or an
 * "updated" stamp as the publication date: a wrong date is worse than none, because the client's value is the
 * fallback.
 */
public final class ArticleMetadataExtractor {

    /** Header lines looked at for title, byline and date; pages put them before the story starts. */
    private static final int MAX_HEADER_LINES = 15;
    /** A line this long is a body paragraph, so the header has ended. */
    private static final int BODY_PARAGRAPH_CHARS = 200;
    private static final int MAX_TITLE_CHARS = 300;
    private static final int MAX_TITLE_WORDS = 40;
    private static final int MAX_STAMP_CHARS = 150;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern PUBLISHED_FIRST = Pattern.compile(
            "^(?:published|posted|опубликовано|дата публикации|жарияланды|опубліковано|نشر|تم النشر|publié|veröffentlicht"
                    + "|publicado|yayınlanma)\\b", FLAGS);
    private static final Pattern PUBLISHED_LAST = Pattern.compile(
            "\\b(?:published|опубликовано|نشر|publié|veröffentlicht|publicado)\\s*$", FLAGS);
    private static final Pattern UPDATED_FIRST = Pattern.compile(
            "^(?:last update|updated|обновлено|обновлен|оновлено|жаңартылды|آخر تحديث|mis à jour|aktualisiert|actualizado"
                    + "|güncelleme)", FLAGS);
    private static final Pattern BYLINE_TAIL = Pattern.compile("[\\s,|·•–—-]+$");

    private final TextNormaliser normaliser;
    private final BoilerplateStripper stripper;
    private final DateTextParser dates;

    public ArticleMetadataExtractor() {
        this(new TextNormaliser(), new BoilerplateStripper(), new DateTextParser());
    }

    public ArticleMetadataExtractor(TextNormaliser normaliser, BoilerplateStripper stripper, DateTextParser dates) {
        this.normaliser = normaliser;
        this.stripper = stripper;
        this.dates = dates;
    }

    /** Metadata from pasted or plain text only. */
    public ArticleMetadata extract(String rawText) {
        return extract(rawText, HtmlMetadata.NONE);
    }

    /**
     * Metadata from the text and the page's HTML metadata.
     *
     * @param rawText the text before boilerplate stripping (the header lines are what this reads)
     * @param html    the page's metadata, or {@link HtmlMetadata#NONE}
     */
    public ArticleMetadata extract(String rawText, HtmlMetadata html) {
        HtmlMetadata page = html == null ? HtmlMetadata.NONE : html;
        List<String> lines = nonEmptyLines(normaliser.normalise(rawText));
        List<String> header = headerLines(lines);

        String title = Optional.ofNullable(titleFromPage(page)).orElseGet(() -> titleFromText(lines));
        String byline = Optional.ofNullable(page.byline()).orElseGet(() -> bylineFromText(header));
        OffsetDateTime published = dates.parse(page.publishedTime())
                .orElseGet(() -> publishedFromText(lines, header));
        return new ArticleMetadata(title, byline, published, page.siteName(), page.canonicalUrl(), primaryLanguage(page.language()));
    }

    private static List<String> nonEmptyLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private List<String> headerLines(List<String> lines) {
        List<String> header = new ArrayList<>();
        for (String line : lines) {
            boolean bodyParagraph = line.length() >= BODY_PARAGRAPH_CHARS && stripper.classifyLine(line) == null;
            if (bodyParagraph || header.size() >= MAX_HEADER_LINES) {
                break;
            }
            header.add(line);
        }
        return header;
    }

    private static String titleFromPage(HtmlMetadata page) {
        if (page.ogTitle() != null) {
            return page.ogTitle();
        }
        String title = page.title();
        String site = page.siteName();
        if (title != null && site != null && title.endsWith(site) && title.length() > site.length()) {
            String stripped = BYLINE_TAIL.matcher(title.substring(0, title.length() - site.length())).replaceAll("");
            return stripped.isEmpty() ? title : stripped;
        }
        return title;
    }

    /**
     * The first line that is not page furniture. A text that opens with summary bullets or a long paragraph
     * has no title line, and guessing one from the body would be worse than the client's title.
     */
    private String titleFromText(List<String> lines) {
        for (String line : lines) {
            if (stripper.classifyLine(line) != null || stripper.isRelatedHeading(line)) {
                continue;
            }
            if (BoilerplateStripper.isBullet(line) || line.length() > MAX_TITLE_CHARS
                    || line.split(" ").length > MAX_TITLE_WORDS) {
                return null;
            }
            return line;
        }
        return null;
    }

    private String bylineFromText(List<String> header) {
        for (String line : header) {
            if (stripper.classifyLine(line) == Removal.Kind.BYLINE) {
                String byline = dates.findFirst(line).map(d -> line.substring(0, d.start())).orElse(line);
                byline = BYLINE_TAIL.matcher(byline).replaceAll("");
                return byline.isEmpty() ? null : byline;
            }
        }
        return null;
    }

    private OffsetDateTime publishedFromText(List<String> lines, List<String> header) {
        for (String line : lines) {
            if (line.length() <= MAX_STAMP_CHARS && !UPDATED_FIRST.matcher(line).find()
                    && (PUBLISHED_FIRST.matcher(line).find() || PUBLISHED_LAST.matcher(line).find())) {
                Optional<DateTextParser.FoundDate> date = dates.findFirst(line);
                if (date.isPresent()) {
                    return date.get().value();
                }
            }
        }
        for (String line : header) {
            if (UPDATED_FIRST.matcher(line).find()) {
                continue;
            }
            Removal.Kind kind = stripper.classifyLine(line);
            if (kind == Removal.Kind.BYLINE || kind == Removal.Kind.DATE_STAMP) {
                Optional<DateTextParser.FoundDate> date = dates.findFirst(line);
                if (date.isPresent()) {
                    return date.get().value();
                }
            }
        }
        return null;
    }

    private static String primaryLanguage(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String primary = declared.trim().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.length() == 2 ? primary : null;
    }
}
