package org.newsdesk.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.jsoup.nodes.Entities;
import org.newsdesk.ingest.TestData;

/** A realistic page wrapped around seed 004's text: the story must come out, the page must not. */
class HtmlContentExtractorTest {

    private static final String TITLE = "Kazakhstan: President Tokayev appeals to CSTO for help amid mass protests";

    private final HtmlContentExtractor extractor = new HtmlContentExtractor();
    private final TextCleaner cleaner = new TextCleaner();

    static String pageFromSeed004() {
        String paragraphs = Arrays.stream(TestData.seed("004").split("\n+"))
                .filter(line -> !line.isBlank())
                .map(line -> "      <p>" + Entities.escape(line) + "</p>")
                .collect(Collectors.joining("\n"));
        return """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                  <meta charset="utf-8">
                  <title>%1$s | Newsroom Wire</title>
                  <meta property="og:title" content="%1$s">
                  <meta property="og:site_name" content="Newsroom Wire">
                  <meta name="author" content="Newsroom Staff">
                  <meta property="article:published_time" content="2022-01-05T21:09:00+00:00">
                  <link rel="canonical" href="/kazakhstan/tokayev-csto-appeal">
                  <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                    "datePublished":"2022-01-05T21:09:00Z","author":{"@type":"Person","name":"Newsroom Staff"},
                    "publisher":{"@type":"Organization","name":"Newsroom Wire"}}</script>
                  <style>.nav { color: red } /* STYLE-SENTINEL */</style>
                  <script>window.tracker = "SCRIPT-SENTINEL";</script>
                </head>
                <body onload="alert('ONLOAD-SENTINEL')">
                  <header class="site-header"><a href="/">Newsroom Wire</a>
                    <nav><ul><li><a href="/world">World NAV-SENTINEL</a></li><li><a href="/asia">Asia</a></li>
                      <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
                  </header>
                  <iframe src="https://ads.example/frame">IFRAME-SENTINEL</iframe>
                  <main>
                    <article>
                      <h1>%1$s</h1>
                      <p class="byline">By Newsroom Staff</p>
                      <img src="/photo.jpg" alt="Tokayev" onerror="alert('ONERROR-SENTINEL')">
                %2$s
                      <form action="/subscribe"><label>FORM-SENTINEL email</label><input name="email"><button>Go</button></form>
                    </article>
                  </main>
                  <aside><h3>Most read ASIDE-SENTINEL</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
                  <footer><p>© 2022 Newsroom Wire FOOTER-SENTINEL. All rights reserved.</p>
                    <a href="/privacy" onclick="track()">Privacy</a></footer>
                  <script>document.write("SCRIPT2-SENTINEL")</script>
                </body>
                </html>
                """.formatted(TITLE, paragraphs);
    }

    private static int occurrences(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    @Test
    void pageAroundSeed004YieldsOnlyTheStoryOnce() {
        ExtractedPage page = extractor.extract(pageFromSeed004(), "https://wire.example/kazakhstan/tokayev");
        CleanText clean = cleaner.clean(page.text());

        assertThat(page.text()).doesNotContain("SENTINEL", "World", "Most read", "All rights reserved", "Privacy");
        assertThat(clean.text()).doesNotContain("SENTINEL", "uses cookies", "Top downloads", "Show more", "Restrictions");
        String firstBodySentence = "Kazakh President Kassym-Zhomart Tokayev appealed to the heads of member states";
        assertThat(occurrences(page.text(), firstBodySentence)).as("extracted, before stripping").isEqualTo(3);
        assertThat(occurrences(clean.text(), firstBodySentence)).isEqualTo(1);

        // the clean story is exactly the clean seed, whatever the page wrapped around it
        String cleanSeed = cleaner.clean(TestData.seed("004")).text();
        List<String> seedParagraphs = List.of(cleanSeed.split("\n\n"));
        List<String> pageParagraphs = List.of(clean.text().split("\n\n"));
        assertThat(new LinkedHashSet<>(pageParagraphs)).containsAll(seedParagraphs.subList(1, seedParagraphs.size()));
        assertThat(pageParagraphs).allSatisfy(p -> assertThat(seedParagraphs).contains(p));
    }

    @Test
    void articleHtmlHasNoActiveContentOrEventHandlers() {
        ExtractedPage page = extractor.extract(pageFromSeed004(), "https://wire.example/kazakhstan/tokayev");

        assertThat(page.articleHtml()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("onerror").doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onload").doesNotContain("SENTINEL")
                .contains("<p>", "Collective Security Treaty Organisation");
    }

    @Test
    void readsTitleAuthorDateSiteCanonicalAndLanguageFromTheHead() {
        HtmlMetadata meta = extractor.extract(pageFromSeed004(), "https://wire.example/kazakhstan/tokayev").metadata();

        assertThat(meta.ogTitle()).isEqualTo(TITLE);
        assertThat(meta.title()).isEqualTo(TITLE + " | Newsroom Wire");
        assertThat(meta.byline()).isEqualTo("Newsroom Staff");
        assertThat(meta.publishedTime()).isEqualTo("2022-01-05T21:09:00+00:00");
        assertThat(meta.siteName()).isEqualTo("Newsroom Wire");
        assertThat(meta.canonicalUrl()).isEqualTo("https://wire.example/kazakhstan/tokayev-csto-appeal");
        assertThat(meta.language()).isEqualTo("en-GB");
    }

    @Test
    void jsonLdAndTimeElementAreFallbacksWhenMetaTagsAreMissing() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2022-10-26T09:00:00+06:00",
                 "author":[{"@type":"Person","name":"Aybulat Musaev"}],"publisher":{"name":"Kursiv"}}]}
                </script></head><body><article><p>Body text of a short story that is long enough to be the content of the page,
                with more than one sentence in it. It goes on for a while so that readability keeps it.</p></article></body></html>
                """;
        HtmlMetadata meta = extractor.extract(html, null).metadata();

        assertThat(meta.publishedTime()).isEqualTo("2022-10-26T09:00:00+06:00");
        assertThat(meta.byline()).isEqualTo("Aybulat Musaev");
        assertThat(meta.siteName()).isEqualTo("Kursiv");

        HtmlMetadata fromTime = extractor.extract("<html><body><article><time datetime=\"2024-11-22\">22 Nov</time>"
                + "<p>Text.</p></article></body></html>", null).metadata();
        assertThat(fromTime.publishedTime()).isEqualTo("2024-11-22");
    }

    @Test
    void feedFragmentWithoutReadableStructureFallsBackToItsWholeText() {
        ExtractedPage page = extractor.extract("<p>First paragraph.</p><p>Second <b>bold</b> paragraph with "
                + "<a href=\"/relative\">a link</a>.</p><ul><li>one</li><li>two</li></ul>", null);

        assertThat(page.text()).isEqualTo("First paragraph.\n\nSecond bold paragraph with a link.\n\n- one\n- two");
        assertThat(page.articleHtml()).contains("a link").doesNotContain("unknown.invalid");
    }

    @Test
    void hostileNestingAndHugeAttributesStillGiveTheText() {
        String deep = "<div>".repeat(20_000) + "<p>Deep story text survives.</p>" + "</div>".repeat(20_000);
        String hugeDate = "<html><head><meta property=\"article:published_time\" content=\"" + "9".repeat(1_000_000)
                + "\"></head><body><p>Short body.</p></body></html>";

        assertThat(extractor.extract(deep, null).text()).contains("Deep story text survives.");
        ExtractedPage page = extractor.extract(hugeDate, null);
        assertThat(page.text()).isEqualTo("Short body.");
        assertThat(new org.newsdesk.ingest.metadata.ArticleMetadataExtractor().extract(page.text(), page.metadata())
                .publishedAt()).isNull();
    }
}
