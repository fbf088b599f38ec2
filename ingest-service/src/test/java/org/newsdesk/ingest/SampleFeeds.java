package org.newsdesk.ingest;

import java.util.List;

/** Small RSS and Atom documents with unique guids, as a newsroom's feed reader would pass them on. */
public final class SampleFeeds {

    public record Item(String guid, String title, String html, String pubDate) {
    }

    private SampleFeeds() {
    }

    public static String rss(String channelTitle, List<Item> items) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <title>%s</title><link>https://example.org/</link><description>test feed</description><language>en</language>
                """.formatted(channelTitle));
        for (Item item : items) {
            xml.append("<item><title>").append(item.title()).append("</title>")
                    .append("<link>https://example.org/").append(item.guid()).append("</link>")
                    .append("<guid isPermaLink=\"false\">").append(item.guid()).append("</guid>")
                    .append("<pubDate>").append(item.pubDate()).append("</pubDate>")
                    .append("<description><![CDATA[").append(item.html()).append("]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    public static String atom(String feedTitle, String entryId, String title, String html, String updated) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>%s</title><id>urn:test:%s</id><updated>%s</updated>
                  <entry><title>%s</title><id>%s</id><updated>%s</updated><published>%s</published>
                    <link href="https://example.org/atom/%s"/>
                    <content type="html"><![CDATA[%s]]></content></entry>
                </feed>
                """.formatted(feedTitle, entryId, updated, title, entryId, updated, updated, entryId, html);
    }
}
