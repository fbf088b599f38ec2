package org.newsdesk.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.newsdesk.ingest.model.IncomingArticle;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>The Astana Times</title>
                <link>https://astanatimes.com</link>
                <language>en-us</language>
                <item>
                  <title>President Tokayev Vows Decisive Measures Against Terrorists</title>
                  <link>https://astanatimes.com/2022/01/tokayev-vows-decisive-measures/</link>
                  <guid isPermaLink="false">astanatimes-73412</guid>
                  <pubDate>Thu, 06 Jan 2022 18:30:00 +0600</pubDate>
                  <dc:creator>Staff Report</dc:creator>
                  <description>A meeting of the Security Council was held on Jan. 6 in Nur-Sultan.</description>
                  <content:encoded><![CDATA[<p>A meeting of the Security Council was held on Jan. 6 in Nur-Sultan city.</p>
                    <p>– Therefore, we must launch a counter-terrorist operation.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Kazakh President Calls on People to Be Ready to Repel Any Threats &amp; Fakes</title>
                  <link>https://astanatimes.com/2022/10/ready-to-repel/</link>
                  <pubDate>Wed, 26 Oct 2022 09:00:00 GMT</pubDate>
                  <description>&lt;p&gt;President Kassym-Jomart Tokayev has urged the Kazakh people to be ready.&lt;/p&gt;</description>
                </item>
              </channel>
            </rss>
            """;

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">
              <title>Kursiv News</title>
              <link href="https://kz.kursiv.media/"/>
              <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
              <updated>2022-01-05T21:09:00Z</updated>
              <entry>
                <title type="text">Токаев обратился к ОДКБ</title>
                <link href="https://kz.kursiv.media/2022-01-05/tokayev-odkb/"/>
                <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
                <published>2022-01-05T21:09:00+06:00</published>
                <updated>2022-01-06T08:00:00+06:00</updated>
                <author><name>Айбулат Мусаев</name></author>
                <content type="text">Президент Казахстана обратился к главам государств ОДКБ.</content>
              </entry>
              <entry>
                <title>Only updated</title>
                <link href="https://kz.kursiv.media/2022-01-06/x/"/>
                <id>tag:kursiv.media,2022:2</id>
                <updated>2022-01-06T10:00:00Z</updated>
                <summary type="html">&lt;p&gt;Summary &lt;b&gt;only&lt;/b&gt;.&lt;/p&gt;</summary>
              </entry>
            </feed>
            """;

    @Test
    void rss2ItemsCarryTitleLinkDateAuthorContentAndGuid() throws FeedParseException {
        FeedParser.ParsedFeed feed = parser.parse(RSS.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.title()).isEqualTo("The Astana Times");
        assertThat(feed.language()).isEqualTo("en");
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("President Tokayev Vows Decisive Measures Against Terrorists");
        assertThat(first.link()).isEqualTo("https://astanatimes.com/2022/01/tokayev-vows-decisive-measures/");
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-06T12:30Z"));
        assertThat(first.author()).isEqualTo("Staff Report");
        assertThat(first.html()).as("content:encoded wins over description").contains("counter-terrorist operation");
        assertThat(first.externalId()).isEqualTo("astanatimes-73412");

        FeedItem second = feed.items().get(1);
        assertThat(second.title()).isEqualTo("Kazakh President Calls on People to Be Ready to Repel Any Threats & Fakes");
        assertThat(second.html()).isEqualTo("<p>President Kassym-Jomart Tokayev has urged the Kazakh people to be ready.</p>");
        assertThat(second.externalId()).as("no guid: the link").isEqualTo(second.link());

        IncomingArticle article = feed.articles().get(0);
        assertThat(article.source()).isEqualTo("The Astana Times");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.url()).isEqualTo(first.link());
    }

    @Test
    void atomEntriesCarryPlainTextContentAndFallBackToUpdatedDate() throws FeedParseException {
        FeedParser.ParsedFeed feed = parser.parse(ATOM.getBytes(StandardCharsets.UTF_8));

        assertThat(feed.title()).isEqualTo("Kursiv News");
        assertThat(feed.items()).hasSize(2);
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Токаев обратился к ОДКБ");
        assertThat(first.link()).isEqualTo("https://kz.kursiv.media/2022-01-05/tokayev-odkb/");
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-05T15:09Z"));
        assertThat(first.author()).isEqualTo("Айбулат Мусаев");
        assertThat(first.text()).isEqualTo("Президент Казахстана обратился к главам государств ОДКБ.");
        assertThat(first.html()).isNull();
        assertThat(first.externalId()).isEqualTo("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");

        FeedItem second = feed.items().get(1);
        assertThat(second.publishedAt()).isEqualTo(OffsetDateTime.parse("2022-01-06T10:00Z"));
        assertThat(second.html()).isEqualTo("<p>Summary <b>only</b>.</p>");
    }

    @Test
    void malformedXmlNamesTheProblemAndWhereItIs() {
        String broken = RSS.replace("</item>\n    <item>", "\n    <item>");

        assertThatThrownBy(() -> parser.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("malformed feed XML at line")
                .hasMessageContaining("item")
                .satisfies(e -> assertThat(((FeedParseException) e).line()).isGreaterThan(1));
    }

    @Test
    void wellFormedXmlThatIsNotAFeedIsRejectedNamingItsRoot() {
        assertThatThrownBy(() -> parser.parse("<html><body><p>not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("not an RSS or Atom feed").hasMessageContaining("<html>");
    }

    @Test
    void emptyInputAndDoctypesAreRejected() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(FeedParseException.class).hasMessage("empty feed document");
        String withEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;
        assertThatThrownBy(() -> parser.parse(withEntity.getBytes(StandardCharsets.UTF_8))).isInstanceOf(FeedParseException.class);
    }
}
