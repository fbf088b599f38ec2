package org.newsdesk.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsdesk.contracts.ArticleAnnotated;
import org.newsdesk.contracts.serde.JsonEventSerializer;
import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.KeycloakTokens;
import org.newsdesk.devstack.ProjectLayout;
import org.openqa.selenium.WebElement;

/**
 * The newsroom web UI in a real headless Chromium, against the real services, Postgres, Kafka and Keycloak:
 * a reader signs in on Keycloak's page, searches, reads an article, follows an entity and finds quotes by
 * speaker; hostile markup in an article shows as text; a reader cannot reach admin actions; an admin merges
 * two entities; an editor pastes an article and watches it become searchable. Each page is saved as a
 * screenshot under {@code docs/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsroomBrowserTest {

    static final String QUERY = NewsroomServices.QUERY.url();
    /** The test stack's Keycloak login page, wherever NEWSDESK_TEST_KEYCLOAK_PORT put it. */
    static final String KEYCLOAK_LOGIN = org.newsdesk.devstack.StackSettings.forProfile("test").realmUrl().replace("http://127.0.0.1", "")
            + "/protocol/openid-connect/auth";

    private final Path root = ProjectLayout.root();
    private final Path screenshots = root.resolve("docs/screenshots");
    private final Map<String, SeedArticles.Seed> seeds = new LinkedHashMap<>();
    private NewsroomServices services;
    private KeycloakTokens tokens;
    private String kafkaBootstrap;
    private Instant nlpStartedAt;
    private String nlpProblem;

    @BeforeAll
    void startServicesAndIndexTheSeeds() throws Exception {
        Assumptions.assumeTrue(ChromiumBrowser.installed(), "Chromium and chromedriver are not installed "
                + "(apt-get install -y chromium chromium-driver): the browser tests cannot run");
        Devstack stack = Devstack.forProfile("test");
        stack.start(line -> System.out.println("[devstack] " + line));
        tokens = new KeycloakTokens(stack.settings().realmUrl());
        kafkaBootstrap = stack.settings().kafkaBootstrap();
        String run = Long.toString(System.currentTimeMillis(), 36);
        services = new NewsroomServices(stack.settings(), root, run);
        for (NewsroomServices.Service required : List.of(NewsroomServices.QUERY, NewsroomServices.INGEST)) {
            if (!services.packaged(required)) {
                fail(services.jar(required) + " is missing: the browser tests run after the services are packaged "
                        + "(./mvnw install, or ./mvnw -pl " + required.module() + " package -DskipTests)");
            }
        }
        long t0 = System.nanoTime();
        services.start(NewsroomServices.QUERY);
        services.start(NewsroomServices.INGEST);
        for (SeedArticles.Seed seed : new SeedArticles(root.resolve("seeds")).all()) {
            seeds.put(seed.key(), seed); // built while the services start
        }
        services.awaitReady(NewsroomServices.QUERY);
        services.awaitReady(NewsroomServices.INGEST);
        System.out.printf("[e2e-browser] query-service and ingest-service ready after %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        if (services.packaged(NewsroomServices.NLP)) {
            // The slowest to start (it loads the CoreNLP models): it does so while the reader and admin scenarios run.
            services.start(NewsroomServices.NLP);
            nlpStartedAt = Instant.now();
        } else {
            nlpProblem = services.jar(NewsroomServices.NLP) + " is missing";
        }

        publish(seeds.values().stream().map(SeedArticles.Seed::event).toList());
        awaitIndexed(seeds.values().stream().map(SeedArticles.Seed::id).toList(), Duration.ofSeconds(90));
        System.out.printf("[e2e-browser] %d seed articles indexed after %d s%n", seeds.size(), (System.nanoTime() - t0) / 1_000_000_000);
    }

    @AfterAll
    void stopServices() throws Exception {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void readerSignsInSearchesReadsFollowsAnEntityAndFindsQuotesBySpeaker() throws Exception {
        try (ChromiumBrowser browser = new ChromiumBrowser()) {
            browser.open(QUERY + "/search");
            browser.awaitUrl(KEYCLOAK_LOGIN);
            assertThat(browser.url()).contains("code_challenge_method=S256").contains("client_id=newsdesk-web");
            browser.screenshot(screenshots.resolve("login.png"));
            browser.signInOnKeycloak("reader", "reader");
            browser.awaitUrl("127.0.0.1:18083/search");
            assertThat(browser.find("#signed-in-user").getText()).isEqualTo("reader");
            assertThat(browser.present(".nav-ingest")).as("readers get no Ingest link").isFalse();

            // Search "CSTO": the four articles that name it, with highlighted snippets and facets.
            browser.type("#search-box", "CSTO");
            browser.click("#search-submit");
            browser.awaitUrl("q=CSTO");
            List<String> titles = texts(browser.all(".hit-title"));
            assertThat(titles).contains(seeds.get("000").title(), seeds.get("001").title(), seeds.get("004").title(),
                    SeedArticles.HOSTILE_TITLE);
            assertThat(titles).doesNotContain(seeds.get("002").title(), seeds.get("003").title());
            assertThat(browser.find("#result-count").getText()).startsWith("4 articles for CSTO");
            assertThat(texts(browser.all(".snippet mark"))).isNotEmpty().allMatch(m -> m.equalsIgnoreCase("CSTO"));
            assertThat(browser.find("#facet-sources").getText()).contains("The Astana Times", "Ruptly", "Vlast.kz");
            assertThat(browser.find("#facet-months").getText()).contains("2022-01", "2024-11");
            assertThat(browser.find("#facet-entities").getText()).contains("Kazakhstan");
            browser.screenshot(screenshots.resolve("search.png"));

            // A source facet narrows the results to one; removing its chip widens them again.
            clickLinkWithText(browser, "#facet-sources a", "The Astana Times");
            browser.awaitUrl("source=");
            assertThat(texts(browser.all(".hit-title"))).contains(seeds.get("001").title())
                    .doesNotContain(seeds.get("004").title());
            assertThat(texts(browser.all(".hit .source"))).containsOnly("The Astana Times");
            browser.click("#active-filters .chip");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> texts(browser.all(".hit-title")).contains(seeds.get("004").title()));

            // Open the Astana Times article: mentions highlighted by type and linked, quotes with speakers.
            clickLinkWithText(browser, ".hit-title", seeds.get("001").title());
            browser.awaitUrl("/articles/" + seeds.get("001").id());
            assertThat(browser.find("#article-title").getText()).isEqualTo(seeds.get("001").title());
            assertThat(texts(browser.all("#article-text a.ent-person"))).contains("Tokayev", "Kassym-Jomart Tokayev", "Pashinyan");
            assertThat(texts(browser.all("#article-text a.ent-location"))).contains("Almaty", "Nur-Sultan");
            assertThat(texts(browser.all("#article-text a.ent-organization"))).contains("CSTO");
            assertThat(browser.all("#quotes li.quote")).hasSize(4);
            assertThat(texts(browser.all("#quotes a.speaker"))).contains("Nikol Pashinyan").anyMatch(s -> s.contains("Tokayev"));
            assertThat(browser.find("#dates").getText()).contains("Jan. 6", "6 Jan 2022", "May 15, 1992");
            assertThat(browser.find("#facts").getText()).contains("about five aircraft");
            browser.screenshot(screenshots.resolve("article.png"));

            // Follow the president to his profile.
            clickLinkWithText(browser, "#entities a.ent-person", "Tokayev");
            browser.awaitUrl("/entities/");
            assertThat(browser.find("#entity-name").getText()).contains("Tokayev");
            assertThat(browser.find("#entity-type").getText()).isEqualToIgnoringCase("Person");
            List<WebElement> bars = browser.all("#mentions-chart rect.bar");
            assertThat(bars).isNotEmpty();
            assertThat(bars.stream().filter(b -> Double.parseDouble(b.getAttribute("height")) > 0).count())
                    .as("periods with mentions").isGreaterThanOrEqualTo(2);
            assertThat(browser.all("#quotes-by li.quote").size()).isGreaterThanOrEqualTo(3);
            assertThat(browser.find("#cooccurring").getText()).contains("Kazakhstan");
            assertThat(browser.present("#admin-controls")).as("readers see no curation controls").isFalse();
            browser.screenshot(screenshots.resolve("entity.png"));

            // Quotes by speaker, by surname only: newest first, each linked to its article.
            browser.click(".nav-quotes");
            browser.type("#speaker-box", "Tokayev");
            browser.click("#quote-submit");
            browser.awaitUrl("speaker=Tokayev");
            List<WebElement> quotes = browser.all("#quote-results li.quote");
            assertThat(quotes.size()).isGreaterThanOrEqualTo(8);
            assertThat(texts(browser.all("#quote-results a.speaker"))).allMatch(s -> s.contains("Tokayev"));
            List<String> days = browser.all("#quote-results time").stream().map(t -> t.getAttribute("datetime")).toList();
            assertThat(days).isSortedAccordingTo(Comparator.reverseOrder());
            browser.screenshot(screenshots.resolve("quotes.png"));
            browser.type("#speaker-box", "Pashinyan");
            browser.type("#quote-words", "peacekeeping");
            browser.click("#quote-submit");
            browser.awaitUrl("speaker=Pashinyan");
            assertThat(browser.all("#quote-results li.quote")).hasSize(1);
            browser.click("#quote-results a.quote-article");
            browser.awaitUrl("/articles/" + seeds.get("001").id());

            // Logout ends the session at Keycloak too: the next page asks for a login again.
            browser.click("#sign-out");
            browser.awaitUrl("/signed-out");
            assertThat(browser.find("#signed-out").getText()).contains("signed out");
            browser.open(QUERY + "/search");
            browser.awaitUrl(KEYCLOAK_LOGIN);
        }
    }

    @Test
    @Order(2)
    void hostileMarkupInAnArticleShowsAsText() throws Exception {
        SeedArticles.Seed hostile = seeds.get("xss");
        try (ChromiumBrowser browser = signedIn("reader")) {
            browser.open(QUERY + "/search?q=markup");
            assertThat(texts(browser.all(".hit-title"))).containsExactly(SeedArticles.HOSTILE_TITLE);
            // ts_headline drops the tags from snippets; what is left is shown as text.
            assertThat(browser.find(".snippet").getText()).contains("document.body.setAttribute('data-xss','script')");
            assertNothingRan(browser);

            browser.open(QUERY + "/articles/" + hostile.id());
            assertThat(browser.find("#article-title").getText()).isEqualTo(SeedArticles.HOSTILE_TITLE);
            assertThat(browser.driver().getTitle()).contains("<script>alert('title')</script>");
            String text = browser.find("#article-text").getText();
            assertThat(text).contains("<script>document.body.setAttribute('data-xss','script')</script>")
                    .contains("onerror=\"document.body.setAttribute('data-xss','img')\"");
            assertThat(browser.all("#article-text script, #article-text img, #article-title script")).isEmpty();
            assertThat(browser.present("a.original")).as("a javascript: URL is never linked").isFalse();
            assertNothingRan(browser);
            browser.screenshot(screenshots.resolve("article-hostile-markup.png"));
        }
    }

    @Test
    @Order(3)
    void readerCannotReachAdminActionsOrEditorPages() throws Exception {
        try (ChromiumBrowser browser = signedIn("reader")) {
            long entity = entityIdFromSearch(browser, "Nur-Sultan");
            browser.open(QUERY + "/entities/" + entity);
            assertThat(browser.present("#admin-controls")).isFalse();
            assertThat(browser.all("form[action*='/merge'], form[action*='/block']")).isEmpty();
            // Even with a valid CSRF token, the server refuses the actions themselves.
            for (String action : List.of("merge", "split", "rename", "block")) {
                Map<?, ?> answer = post(browser, "/entities/" + entity + "/" + action, "other=1&alias=x&name=x&reason=x", true);
                assertThat(answer.get("status")).as(action).isEqualTo(403L);
                assertThat((String) answer.get("body")).as(action).doesNotContain("did not come from Newsdesk");
            }
            assertThat(fetchStatus(browser, "/ingest")).isEqualTo(403L);
            browser.open(QUERY + "/entities/" + entity);
            assertThat(browser.find("#entity-name").getText()).contains("Nur-Sultan");
        }
    }

    @Test
    @Order(4)
    void adminMergesTwoEntities() throws Exception {
        try (ChromiumBrowser browser = signedIn("admin")) {
            long astana = entityIdFromSearch(browser, "Astana");
            long nurSultan = entityIdFromSearch(browser, "Nur-Sultan");
            assertThat(astana).isNotEqualTo(nurSultan);
            browser.open(QUERY + "/entities/" + nurSultan);
            assertThat(browser.present("#admin-controls")).isTrue();
            assertThat(browser.find(".who .role-badge").getText()).isEqualToIgnoringCase("admin");
            // A form post without the CSRF token is refused before anything changes.
            Map<?, ?> forged = post(browser, "/entities/" + nurSultan + "/merge", "other=" + astana, false);
            assertThat(forged.get("status")).isEqualTo(403L);
            assertThat(entityIdAfter(browser, astana)).as("the forged merge changed nothing").isEqualTo(astana);

            browser.open(QUERY + "/entities/" + nurSultan);
            browser.type("#merge-other", Long.toString(astana));
            browser.type("#merge-reason", "Astana is the capital's name again since 2022");
            browser.screenshot(screenshots.resolve("entity-admin.png"));
            browser.click("#merge-submit");
            browser.awaitUrl("done=merged");
            assertThat(browser.find("#curation-done").getText()).startsWith("Merged");
            assertThat(browser.find("#aliases").getText()).contains("Astana");
            browser.click("#history summary");
            assertThat(browser.find("#history").getText()).contains("MERGE");
            browser.screenshot(screenshots.resolve("entity-merged.png"));
            // The merged entity's address now leads to the survivor.
            assertThat(entityIdAfter(browser, astana)).isEqualTo(nurSultan);
        }
    }

    @Test
    @Order(5)
    void editorPastesAnArticleAndWatchesItReachIndexed() throws Exception {
        String title = "Almaty airport resumes flights after week of unrest";
        String text = title + """


                Almaty International Airport resumed passenger flights on Thursday, a week after protesters seized the \
                terminal during the unrest that swept Kazakhstan in early January.

                "The airport is fully secured and all services are working normally," the airport's press service said \
                in a statement.

                Air Astana said it would operate 28 domestic and international flights on the first day, including routes \
                to Nur-Sultan, Moscow and Dubai. The carrier asked passengers to arrive three hours before departure \
                because of extra security checks.

                The airport was closed on January 5 after crowds broke into the terminal and set fire to several offices. \
                Kazakh authorities said more than 10,000 people had been detained across the country since the protests \
                began.
                """;
        try (ChromiumBrowser browser = signedIn("editor")) {
            assertThat(browser.present(".nav-ingest")).isTrue();
            browser.click(".nav-ingest");
            browser.awaitUrl("/ingest");
            // Forms need the session's CSRF token: a post without it changes nothing.
            assertThat(post(browser, "/ingest/paste", "text=" + "Forged+article", false).get("status")).isEqualTo(403L);

            browser.type("#paste-text", text);
            browser.type("#paste-source", "Newsdesk e2e");
            browser.click("#paste-submit");
            browser.awaitUrl("/ingest?item=");
            WebElement row = browser.find("#ingest-items tr.item");
            String id = row.getAttribute("data-item-id");
            assertThat(UUID.fromString(id)).isNotNull();
            assertThat(browser.find("#ingest-items .title").getText()).isEqualTo(title);
            assertThat(browser.find("#ingest-items .status").getText())
                    .isIn("RECEIVED", "PUBLISHED", "ANNOTATED", "INDEXED");

            if (nlpStartedAt == null || !awaitNlp()) {
                browser.waitUpTo(Duration.ofSeconds(20)).until(d -> "PUBLISHED".equals(statusText(browser)));
                browser.screenshot(screenshots.resolve("ingest.png"));
                Assumptions.abort("nlp-service is not runnable here (" + nlpProblem + "): the pasted article reached "
                        + "PUBLISHED; the step to INDEXED needs the whole pipeline");
            }
            // The page's script polls the row: no reload needed to see INDEXED.
            browser.waitUpTo(Duration.ofSeconds(120)).until(d -> {
                String status = statusText(browser);
                if ("FAILED".equals(status)) {
                    fail("the pasted article failed: " + browser.script(
                            "return document.querySelector('#ingest-items .details').textContent;"));
                }
                return "INDEXED".equals(status);
            });
            browser.screenshot(screenshots.resolve("ingest.png"));
            browser.click("#ingest-items a.open-article");
            browser.awaitUrl("/articles/" + id);
            assertThat(browser.find("#article-title").getText()).isEqualTo(title);
            assertThat(browser.find("#article-text").getText()).contains("Air Astana");

            // Files go the same way: a seed file uploaded from disk is accepted and tracked under its own title.
            browser.open(QUERY + "/ingest");
            browser.find("#upload-files").sendKeys(root.resolve("seeds/003_5c034f8eb71c6975.txt").toString());
            browser.click("#upload-submit");
            browser.awaitUrl("/ingest?item=");
            assertThat(browser.find("#ingest-items .status").getText()).isIn("RECEIVED", "PUBLISHED", "INDEXED");
            assertThat(browser.find("#ingest-items .mono").getText()).isEqualTo("003_5c034f8eb71c6975");
        }
    }

    @Test
    @Order(6)
    void readerSwitchesToSemanticSearchAndFindsArticlesByMeaning() throws Exception {
        if (nlpStartedAt == null || !awaitNlp()) {
            Assumptions.abort("nlp-service is not runnable here (" + nlpProblem + "): semantic search needs it");
        }
        try (ChromiumBrowser browser = signedIn("reader")) {
            // No word of the query needs to occur: the seeds about Kazakhstan's fuel protests are nearest by meaning.
            browser.type("#search-box", "fuel costs sparked street demonstrations");
            browser.click("#semantic-switch");
            browser.click("#search-submit");
            browser.awaitUrl("mode=semantic");
            assertThat(browser.find("#result-count").getText()).contains("ranked by meaning");
            assertThat(browser.present(".notice")).as("no fallback notice").isFalse();
            assertThat(browser.find("#semantic-switch").isSelected()).isTrue();
            List<String> titles = texts(browser.all(".hit-title"));
            assertThat(titles).isNotEmpty();
            assertThat(texts(browser.all(".snippet mark"))).as("nothing to highlight by meaning").isEmpty();
            browser.screenshot(screenshots.resolve("search-semantic.png"));
        }
    }

    // ---- helpers ----

    private ChromiumBrowser signedIn(String user) throws Exception {
        ChromiumBrowser browser = new ChromiumBrowser();
        try {
            browser.open(QUERY + "/search");
            browser.awaitUrl(KEYCLOAK_LOGIN);
            browser.signInOnKeycloak(user, user);
            browser.awaitUrl("127.0.0.1:18083/search");
            assertThat(browser.find("#signed-in-user").getText()).isEqualTo(user);
            return browser;
        } catch (RuntimeException | Error e) {
            browser.close();
            throw e;
        }
    }

    private static void assertNothingRan(ChromiumBrowser browser) {
        assertThat(browser.alertOpen()).as("no injected dialog").isFalse();
        assertThat(browser.script("return document.body.getAttribute('data-xss');")).as("no injected script ran").isNull();
    }

    /** The tracked item's status; the page's script replaces the row while it polls, so a stale read is "". */
    private static String statusText(ChromiumBrowser browser) {
        try {
            List<WebElement> status = browser.all("#ingest-items .status");
            return status.isEmpty() ? "" : status.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return "";
        }
    }

    /** The id of the first entity the Entities page finds for {@code name}. */
    private static long entityIdFromSearch(ChromiumBrowser browser, String name) {
        browser.open(QUERY + "/entities?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        for (WebElement link : browser.all("#entity-results a.ent")) {
            if (link.getText().equals(name)) {
                String href = link.getAttribute("href");
                return Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
            }
        }
        throw new AssertionError("the Entities page does not list " + name + ": " + browser.find("#entity-results").getText());
    }

    /** Which entity's profile the address of entity {@code id} shows (a merged one leads to its survivor). */
    private static long entityIdAfter(ChromiumBrowser browser, long id) {
        browser.open(QUERY + "/entities/" + id);
        browser.find("#entity-name");
        String url = browser.url();
        String tail = url.substring(url.lastIndexOf('/') + 1);
        return Long.parseLong(tail.replaceAll("[?#].*$", ""));
    }

    /** A form post from the page's own origin (with or without the page's CSRF token); its status and body. */
    private static Map<?, ?> post(ChromiumBrowser browser, String path, String form, boolean withToken) {
        Object answer = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name="csrf-token"]').content;
                const body = arguments[1] + (arguments[2] ? '&csrf=' + encodeURIComponent(token) : '');
                fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: body})
                  .then(r => r.text().then(t => done({status: r.status, body: t})))
                  .catch(e => done({status: -1, body: String(e)}));""", path, form, withToken);
        return (Map<?, ?>) answer;
    }

    private static Object fetchStatus(ChromiumBrowser browser, String path) {
        return browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})
                  .then(r => done(r.status)).catch(e => done(-1));""", path);
    }

    private static void clickLinkWithText(ChromiumBrowser browser, String css, String text) {
        for (WebElement link : browser.all(css)) {
            if (link.getText().equals(text) || link.getText().contains(text)) {
                link.click();
                return;
            }
        }
        throw new AssertionError("no link '" + text + "' among " + texts(browser.all(css)));
    }

    private static List<String> texts(List<WebElement> elements) {
        List<String> texts = new ArrayList<>();
        for (WebElement e : elements) {
            texts.add(e.getText().strip());
        }
        return texts;
    }

    /** Waits (within the suite's budget) for nlp-service to report ready; false when it cannot. */
    private boolean awaitNlp() {
        Instant deadline = nlpStartedAt.plus(NewsroomServices.NLP.readyTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (services.ready(NewsroomServices.NLP)) {
                return true;
            }
            if (!services.running(NewsroomServices.NLP)) {
                nlpProblem = "it stopped while starting; see " + services.log(NewsroomServices.NLP);
                return false;
            }
            sleep(1000);
        }
        nlpProblem = "not ready after its start-up allowance; see " + services.log(NewsroomServices.NLP);
        return false;
    }

    private void publish(List<ArticleAnnotated> events) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafkaBootstrap);
        config.put("acks", "all");
        try (KafkaProducer<String, ArticleAnnotated> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonEventSerializer<>())) {
            for (ArticleAnnotated event : events) {
                producer.send(new ProducerRecord<>(services.annotatedTopic(), event.articleId().toString(), event)).get();
            }
        }
    }

    /** Waits until query-service answers every article through its API (that is, indexed it). */
    private void awaitIndexed(List<UUID> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<UUID> missing = new ArrayList<>(ids);
        while (!missing.isEmpty()) {
            String token = tokens.accessToken("reader");
            missing.removeIf(id -> {
                try {
                    HttpResponse<String> answer = NewsroomServices.get(QUERY + "/api/v1/articles/" + id, token);
                    return answer.statusCode() == 200;
                } catch (Exception e) {
                    return false;
                }
            });
            if (!missing.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    fail("query-service did not index " + missing + " within " + timeout + "; see "
                            + services.log(NewsroomServices.QUERY));
                }
                sleep(500);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
