package org.newsdesk.ingest.cleaning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;

/**
 * Takes the story out of a full HTML page (or a feed's HTML fragment) and reads what the page says about it.
 * <p>
 * jsoup parses and sanitises (scripts, styles, forms, frames, page chrome and every {@code on*} attribute go),
 * readability4j picks the main content, and a block-aware renderer turns it into text with paragraphs separated
 * by blank lines. It never executes or fetches anything the page references, and it never strips in-text
 * boilerplate: that is {@link BoilerplateStripper}'s job, which the caller runs afterwards via {@link TextCleaner}.
 */
public final class HtmlContentExtractor {

    private static final Logger LOG = Logger.getLogger(HtmlContentExtractor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Elements that never carry story text and may carry active content. */
    private static final String ACTIVE_OR_EMPTY = "script, style, noscript, template, iframe, frame, frameset, object, embed, "
            + "applet, form, input, button, select, textarea, svg, canvas, link, meta, base, dialog";
    /** Page chrome that readability would usually drop anyway; removing it first makes the choice of content safer. */
    private static final String CHROME = "nav, aside, footer, [role=navigation], [role=contentinfo], [role=complementary], "
            + "[role=banner], [aria-hidden=true]";

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "footer", "h1",
            "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
            "figcaption", "hr", "address", "details", "summary", "center");

    /** Deeper or larger pages skip readability4j (real news pages nest 15-50 levels and hold a few thousand elements). */
    private static final int MAX_READABLE_DEPTH = 64;
    private static final int MAX_READABLE_ELEMENTS = 20_000;

    private static final String PLACEHOLDER_BASE = "http://unknown.invalid/";

    /** A story shorter than this after readability is more likely a failed guess than a real article. */
    private static final int MIN_READABLE_CHARS = 200;

    private final TextNormaliser normaliser = new TextNormaliser();

    /**
     * Extracts the main content and the metadata.
     *
     * @param html    the page or fragment; {@code null} is treated as empty
     * @param pageUrl where the page came from, used only to resolve relative links; may be {@code null}
     */
    public ExtractedPage extract(String html, String pageUrl) {
        String base = pageUrl == null ? "" : pageUrl.trim();
        Document doc = Jsoup.parse(html == null ? "" : html, base);
        HtmlMetadata metadata = readMetadata(doc);
        sanitise(doc);
        Element content = mainContent(doc, base);
        String text = render(content);
        String articleHtml = Jsoup.clean(content.html(), base, Safelist.relaxed());
        return new ExtractedPage(text, articleHtml, metadata);
    }

    private static void sanitise(Document doc) {
        doc.select(ACTIVE_OR_EMPTY).remove();
        doc.select(CHROME).remove();
        for (Element header : doc.select("header")) {
            if (header.parents().stream().noneMatch(p -> p.normalName().equals("article") || p.normalName().equals("main"))) {
                header.remove();
            }
        }
        for (Element element : doc.getAllElements()) {
            List<String> unsafe = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().trim().toLowerCase(Locale.ROOT);
                if (key.startsWith("on") || value.startsWith("javascript:") || value.startsWith("vbscript:")) {
                    unsafe.add(attribute.getKey());
                }
            }
            unsafe.forEach(element::removeAttr);
        }
    }

    private static Element mainContent(Document doc, String base) {
        Element body = doc.body();
        if (!readableSize(doc)) {
            LOG.debugf("page %s too deep or too large for readability4j, using the whole body", base);
            return body;
        }
        try {
            // readability4j makes links absolute and logs an error for a base without scheme and path, so an
            // unknown base becomes a reserved placeholder host whose links are then dropped again
            boolean knownBase = base.startsWith("http://") || base.startsWith("https://");
            Article article = new Readability4JExtended(knownBase ? base : PLACEHOLDER_BASE, doc.clone()).parse();
            Element content = article.getArticleContent();
            if (content != null && !knownBase) {
                for (Element linked : content.select("[href^=" + PLACEHOLDER_BASE + "], [src^=" + PLACEHOLDER_BASE + "]")) {
                    linked.removeAttr(linked.hasAttr("href") ? "href" : "src");
                }
            }
            if (content != null && content.text().length() >= Math.min(MIN_READABLE_CHARS, body.text().length())) {
                return content;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // readability4j is unmaintained and recursive; a page it chokes on still has a body worth keeping.
            LOG.debugf(e, "readability4j failed on %s, falling back to the whole body", base);
        }
        return body;
    }

    /**
     * readability4j's cost grows steeply with nesting depth (measured: a 3 KB story under 500 nested divs took 8 s,
     * under 80 extra levels 5x the flat page), so hostile or machine-generated pages skip it.
     */
    private static boolean readableSize(Document doc) {
        int[] maxDepth = {0};
        int[] elements = {0};
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element) {
                elements[0]++;
                maxDepth[0] = Math.max(maxDepth[0], depth);
            }
        }, doc);
        return maxDepth[0] <= MAX_READABLE_DEPTH && elements[0] <= MAX_READABLE_ELEMENTS;
    }

    private String render(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    appendCollapsed(out, textNode.getWholeText());
                } else if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("br")) {
                        out.append('\n');
                    } else if (tag.equals("li")) {
                        // a dash, not a bullet glyph: glyph bullets at the end of a text read as related links
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append('\n');
                        }
                        out.append("- ");
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    String tag = element.normalName();
                    if (tag.equals("li")) {
                        out.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        out.append("\n\n");
                    }
                }
            }
        }, root);
        return normaliser.normalise(out.toString());
    }

    /** HTML whitespace rules: any run of source whitespace is one space. */
    private static void appendCollapsed(StringBuilder out, String text) {
        if (text.isBlank() && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
            return; // indentation between block elements, which would otherwise read as a blank line
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || c == '\r' || c == '\t' || c == '\f' ? ' ' : c);
        }
    }

    private static HtmlMetadata readMetadata(Document doc) {
        Map<String, String> meta = new HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            for (String keyAttribute : List.of("property", "name", "itemprop", "http-equiv")) {
                String key = m.attr(keyAttribute).trim().toLowerCase(Locale.ROOT);
                String value = m.attr("content").trim();
                if (!key.isEmpty() && !value.isEmpty()) {
                    meta.putIfAbsent(key, value);
                }
            }
        }
        JsonLd jsonLd = readJsonLd(doc);

        String title = blankToNull(doc.title());
        String ogTitle = first(meta.get("og:title"), meta.get("twitter:title"));
        String byline = first(nonUrl(meta.get("author")), nonUrl(meta.get("article:author")), jsonLd.author,
                nonUrl(meta.get("parsely-author")), nonUrl(meta.get("sailthru.author")), bylineFromMarkup(doc));
        String published = first(meta.get("article:published_time"), meta.get("datepublished"), jsonLd.datePublished,
                meta.get("pubdate"), meta.get("publishdate"), meta.get("publish-date"), meta.get("parsely-pub-date"),
                meta.get("sailthru.date"), meta.get("dc.date.issued"), meta.get("dcterms.issued"), meta.get("dc.date"),
                meta.get("date"), timeElement(doc));
        String siteName = first(meta.get("og:site_name"), jsonLd.publisher, meta.get("application-name"));
        Element canonicalLink = doc.selectFirst("link[rel=canonical][href]");
        String canonical = first(canonicalLink == null ? null : canonicalLink.absUrl("href"),
                canonicalLink == null ? null : canonicalLink.attr("href"), meta.get("og:url"));
        Element html = doc.selectFirst("html");
        String language = first(html == null ? null : html.attr("lang"), meta.get("content-language"),
                meta.get("og:locale"));
        return new HtmlMetadata(title, ogTitle, byline, published, siteName, canonical, language);
    }

    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("article time[datetime], [itemprop=datePublished][datetime], time[datetime]");
        return time == null ? null : time.attr("datetime");
    }

    private static String bylineFromMarkup(Document doc) {
        Element byline = doc.selectFirst("[itemprop=author], [rel=author], .byline, .author");
        if (byline == null) {
            return null;
        }
        String text = byline.text().trim();
        return text.isEmpty() || text.length() > 100 ? null : text;
    }

    /** The fields ingest wants from schema.org JSON-LD: the first article-like object that has them. */
    private record JsonLd(String datePublished, String author, String publisher) {
    }

    private static JsonLd readJsonLd(Document doc) {
        String date = null;
        String author = null;
        String publisher = null;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (Exception e) {
                LOG.debugf("ignoring malformed JSON-LD block: %s", e.getMessage());
                continue;
            }
            List<JsonNode> objects = new ArrayList<>();
            collectObjects(root, objects, 0);
            for (JsonNode node : objects) {
                if (date == null && node.path("datePublished").isTextual()) {
                    date = node.path("datePublished").asText();
                }
                if (author == null && node.has("author")) {
                    author = personNames(node.get("author"));
                }
                if (publisher == null && node.has("publisher")) {
                    publisher = personNames(node.get("publisher"));
                }
            }
        }
        return new JsonLd(blankToNull(date), blankToNull(author), blankToNull(publisher));
    }

    private static void collectObjects(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collectObjects(child, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collectObjects(node.get("@graph"), out, depth + 1);
        }
    }

    private static String personNames(JsonNode node) {
        if (node.isTextual()) {
            return nonUrl(node.asText());
        }
        if (node.isObject()) {
            return node.path("name").isTextual() ? node.path("name").asText() : null;
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            node.forEach(child -> {
                String name = personNames(child);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    private static String nonUrl(String value) {
        return value == null || value.startsWith("http://") || value.startsWith("https://") ? null : value;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
