package org.newsdesk.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchRequestTest {

    private final SearchRequest request = new SearchRequest("\"peacekeeping forces\" -Russia", "42", null, "The Astana Times",
            null, "2022-01", null, "date", null, 3);

    @Test
    void facetLinksKeepTheOtherFiltersAndGoBackToTheFirstPage() {
        assertThat(request.with("lang", "en")).isEqualTo("/search?q=%22peacekeeping+forces%22+-Russia&entity=42"
                + "&source=The+Astana+Times&lang=en&month=2022-01&sort=date");
    }

    @Test
    void removingAFilterKeepsTheRest() {
        assertThat(request.without("source")).isEqualTo("/search?q=%22peacekeeping+forces%22+-Russia&entity=42"
                + "&month=2022-01&sort=date");
    }

    @Test
    void pagingChangesOnlyThePage() {
        assertThat(request.nextLink()).endsWith("&sort=date&page=4");
        assertThat(request.previousLink()).endsWith("&sort=date&page=2");
        assertThat(request.pageLink(0)).doesNotContain("page=");
        assertThat(request.firstRank()).isEqualTo(61);
    }

    @Test
    void sortAndSemanticTogglesFlipTheirSetting() {
        assertThat(request.sortToggle()).doesNotContain("sort=");
        assertThat(request.toggleSemantic()).contains("mode=semantic");
    }

    @Test
    void valuesThatLookLikeParametersAreEncoded() {
        SearchRequest sneaky = new SearchRequest("a&entity=1", null, null, "x\"><script>", null, null, null, null, null, 0);
        assertThat(sneaky.link()).isEqualTo("/search?q=a%26entity%3D1&source=x%22%3E%3Cscript%3E");
    }
}
