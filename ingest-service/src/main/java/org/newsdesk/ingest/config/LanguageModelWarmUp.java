package org.newsdesk.ingest.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.newsdesk.ingest.language.LanguageDetector;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads Lingua's models for the configured languages in the background at start-up, so the first article does not
 * pay for them. It must never delay start-up or fail it: detection loads lazily anyway. Until it has finished the
 * service is live but not ready ({@code LanguageModelsCheck}): loading takes seconds of CPU and a few hundred MB of
 * heap, and requests that arrive meanwhile would wait for it and slow it down.
 */
@ApplicationScoped
public class LanguageModelWarmUp {

    @Inject
    LanguageDetector detector;

    private volatile boolean finished;

    /** Whether the warm-up has ended, loaded or not (a failed one leaves loading to the first article). */
    public boolean finished() {
        return finished;
    }

    void warmUp(@Observes StartupEvent event) {
        Thread thread = new Thread(() -> {
            try {
                long start = System.nanoTime();
                detector.detect("The council met on Tuesday to debate the budget for next year and the new harbour.");
                detector.detect("Совет собрался во вторник, чтобы обсудить бюджет на следующий год.");
                detector.detect("اجتمع المجلس يوم الثلاثاء لمناقشة ميزانية العام المقبل");
                Log.debugf("language models warm after %d ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                Log.warnf("language model warm-up failed (detection will load lazily): %s", e.getMessage());
            } finally {
                finished = true;
            }
        }, "language-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
