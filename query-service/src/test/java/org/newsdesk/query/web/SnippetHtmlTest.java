package org.newsdesk.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsdesk.query.mapping.SnippetMarkup;

class SnippetHtmlTest {

    @Test
    void highlightsFromTsHeadlineKeepTheirMarksAndEverythingElseIsEscaped() {
        String headline = "leaders of the " + SnippetMarkup.START + "CSTO" + SnippetMarkup.STOP
                + " <script>alert(1)</script> & <img src=x onerror=alert(2)>";
        String html = SnippetHtml.of(SnippetMarkup.toHtml(headline)).getValue();

        assertThat(html).isEqualTo("leaders of the <mark>CSTO</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                + "&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void anyOtherTagMeansTheWholeSnippetIsEscaped() {
        String html = SnippetHtml.of("<mark>CSTO</mark> <b onmouseover=alert(1)>x</b>").getValue();
        assertThat(html).doesNotContain("<b").doesNotContain("<mark>").contains("&lt;b onmouseover=alert(1)&gt;");
    }

    @Test
    void marksWithAttributesOrUnbalancedMarksAreNotTrusted() {
        assertThat(SnippetHtml.of("<mark onclick=alert(1)>CSTO</mark>").getValue()).doesNotContain("<mark");
        assertThat(SnippetHtml.of("</mark>CSTO<mark>").getValue()).doesNotContain("<");
        assertThat(SnippetHtml.of("<mark>CSTO").getValue()).doesNotContain("<");
    }
}
