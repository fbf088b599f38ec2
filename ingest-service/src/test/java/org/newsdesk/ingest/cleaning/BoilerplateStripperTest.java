package org.newsdesk.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateStripperTest {

    private final BoilerplateStripper stripper = new BoilerplateStripper();
    private final TextCleaner cleaner = new TextCleaner();

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            COOKIE_BANNER    | We use cookies to improve your experience. By continuing you accept our cookie policy.
            COOKIE_BANNER    | Этот сайт использует файлы cookie для улучшения работы.
            SUBSCRIBE_PROMPT | Get The Astana Times stories sent directly to you! Sign up via the website or subscribe to our Twitter!
            SUBSCRIBE_PROMPT | Sign up for our daily newsletter to get the latest news.
            FOLLOW_US        | Follow us on Telegram and X for breaking news
            FOLLOW_US        | Подписывайтесь на нас в Telegram
            PAGE_LABEL       | Top downloads in last 24 hours
            PAGE_LABEL       | Show more
            PAGE_LABEL       | Pool for subscribers only
            PAGE_LABEL       | Restrictions
            PAGE_LABEL       | Description
            PAGE_LABEL       | Newsroom logo
            PAGE_LABEL       | None
            PAGE_LABEL       | Read more:
            CREDIT           | Mandatory credit: Office of the President of the Republic of Kazakhstan
            CREDIT           | Photo: nur.kz
            CREDIT           | © 2024 Kazinform. All rights reserved
            PHOTO_CAPTION    | Kassym-Jomart Tokayev. Photo: nur.kz
            PHOTO_CAPTION    | Kazakhstan's President has urged the Kazakh people to be ready. / akorda.kz.
            TIMECODE         | ٠٠:٠٣:٤٠
            TIMECODE         | ۰۰:۰۳:۴۰
            TIMECODE         | (02:45)
            DATE_STAMP       | Last update: April 26, 2024 08:37
            DATE_STAMP       | يناير ٥, ٢٠٢٢ at ٢١:٠٩ GMT +00:00 · Published
            DATE_STAMP       | Опубликовано: 5 января 2022, 21:09
            DATE_STAMP       | 26 October 2022, 08:37
            BYLINE           | By Aybulat Musaev October 26, 2022
            BYLINE           | By Staff
            """)
    void furnitureLinesAreClassified(Removal.Kind kind, String line) {
        assertThat(stripper.classifyLine(line)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Kraft plans to cut back on advertising of products like Oreo cookies and sugary Kool-Aid drinks.",
            "BT is offering customers free internet telephone calls if they sign up to broadband in December.",
            "Restrictions were imposed ahead of its flotation in August, to prevent shares being dumped.",
            "By Christmas, sales had risen by a fifth.",
            "By 2025, 40% of the UK's population will still be without internet access at home.",
            "Tuesday, 1 March",
            "2000 GMT",
            "Riise 1, Nunez 113.",
            "President Tokayev chairs Security Council meeting",
            "– Therefore, we must launch a counter-terrorist operation with the goal of striking back.",
            "The report, published on 5 January 2005, found that..."})
    void storyLinesAreLeftAlone(String line) {
        assertThat(stripper.classifyLine(line)).isNull();
    }

    @Test
    void storyBulletListAnnouncedWithAColonStaysAtTheEnd() {
        String text = "The minister listed three measures:\n\n• lower fuel prices\n• a state of emergency\n• a curfew";

        assertThat(cleaner.clean(text).removals()).isEmpty();
    }

    @Test
    void dashListsAtTheEndStayUnlessARelatedHeadingIntroducesThem() {
        String awards = "The awards were handed out on Sunday.\n\n- Best actor - Richard Griffiths\n- Best new play - The History Boys";
        String related = "The awards were handed out on Sunday.\n\nRead more:\n- Another story about awards\n- A third story";

        assertThat(cleaner.clean(awards).text()).isEqualTo(awards);
        CleanText clean = cleaner.clean(related);
        assertThat(clean.text()).isEqualTo("The awards were handed out on Sunday.");
        assertThat(clean.removals()).extracting(Removal::kind)
                .containsExactly(Removal.Kind.PAGE_LABEL, Removal.Kind.RELATED_LINKS, Removal.Kind.RELATED_LINKS);
    }

    @Test
    void shortRepeatedLinesLikeFixtureListsAreNotDeduplicated() {
        String fixtures = "Group A\n\nSeychelles v South Africa\nWinners meet in final match\n\n"
                + "Group B\n\nMauritius v Madagascar\nWinners meet in final match";

        assertThat(cleaner.clean(fixtures).text()).isEqualTo(fixtures);
    }
}
