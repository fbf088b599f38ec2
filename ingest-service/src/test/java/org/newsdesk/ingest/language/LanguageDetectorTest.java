package org.newsdesk.ingest.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.ingest.TestData;

class LanguageDetectorTest {

    private static LanguageDetector detector;

    @BeforeAll
    static void createDetector() {
        detector = new LanguageDetector();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Kazakhstan's President Kassym-Jomart Tokayev has instructed the Prime Minister to take urgent measures.
            ru | Президент Казахстана Касым-Жомарт Токаев обратился к главам государств ОДКБ с просьбой о помощи.
            kk | Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев Қауіпсіздік кеңесінің отырысын өткізді.
            ar | ناشد الرئيس الكازاخستاني قاسم جومارت توكاييف رؤساء الدول الأعضاء في منظمة معاهدة الأمن الجماعي المساعدة.
            fr | Le président kazakh a demandé l'aide de l'alliance militaire dirigée par la Russie face aux manifestations.
            de | Der kasachische Präsident hat das von Russland geführte Militärbündnis um Hilfe gegen die Proteste gebeten.
            es | El presidente de Kazajistán pidió ayuda a la alianza militar liderada por Rusia ante las protestas masivas.
            uk | Президент Казахстану звернувся до очільників держав ОДКБ з проханням допомогти подолати терористичну загрозу.
            tr | Kazakistan Cumhurbaşkanı, kitlesel protestolar karşısında Rusya liderliğindeki askeri ittifaktan yardım istedi.
            zh | 哈萨克斯坦总统托卡耶夫请求集体安全条约组织成员国领导人提供帮助以应对恐怖主义威胁。
            ru | Президент Казахстана Токаев
            kk | Қазақстан Президенті Тоқаев
            """)
    void detectsEachConfiguredLanguage(String expected, String text) {
        assertThat(detector.detect(text)).isEqualTo(expected);
    }

    @Test
    void tooShortOrLetterlessTextIsUndetermined() {
        assertThat(detector.detect("Restrictions")).isEqualTo("und");
        assertThat(detector.detect("٠٠:٠٣:٤٠ 12:30 2022")).isEqualTo("und");
        assertThat(detector.detect("")).isEqualTo("und");
        assertThat(detector.detect(null)).isEqualTo("und");
    }

    @Test
    void onlyConfiguredLanguagesAreEverAnswered() {
        LanguageDetector englishOrGerman = new LanguageDetector(List.of("en", "de"), 20, 0.1);
        String french = "Le président kazakh a demandé l'aide de l'alliance militaire dirigée par la Russie face aux manifestations.";

        assertThat(englishOrGerman.detect(french)).isIn("en", "de", "und");
        assertThat(englishOrGerman.languages()).containsExactly("en", "de");
    }

    @Test
    void unknownLanguageCodeIsRejectedByName() {
        assertThatThrownBy(() -> new LanguageDetector(List.of("en", "xx"), 20, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xx'");
    }

    @Test
    void bbcArticlesAreEnglishAndDetectionCostIsMeasured() {
        assumeTrue(Files.exists(TestData.bbcCorpus()), "BBC corpus not found at " + TestData.bbcCorpus());
        List<TestData.BbcArticle> articles = TestData.bbcArticles().subList(0, 400);
        for (TestData.BbcArticle article : articles) {
            detector.detect(article.text()); // warm-up: JIT and the Latin-script models
        }
        Map<String, Integer> answers = new TreeMap<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (TestData.BbcArticle article : articles) {
            answers.merge(detector.detect(article.text()), 1, Integer::sum);
        }
        double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / articles.size();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        System.out.printf("Language detection over %d BBC articles: %s, %.2f ms CPU/article, heap used after GC %d MB%n",
                articles.size(), answers, ms, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        assertThat(answers.getOrDefault("en", 0)).isEqualTo(articles.size());
    }
}
