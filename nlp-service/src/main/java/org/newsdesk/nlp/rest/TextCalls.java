package org.newsdesk.nlp.rest;

import java.util.function.Supplier;

import jakarta.ws.rs.ServiceUnavailableException;

import org.newsdesk.contracts.problem.ProblemException;
import org.newsdesk.nlp.service.AnnotationService;
import org.newsdesk.nlp.service.AnnotatorUnavailableException;
import org.newsdesk.nlp.service.TextTooLargeException;

import io.quarkus.logging.Log;

/**
 * The one way the synchronous endpoints turn a text call into an HTTP answer. It must never let a text produce a
 * 500: no text is 400, too much text 413, a loading or busy instance 503 with Retry-After, a text the models choke
 * on 422 (logged, since it is our bug or the model's, not the caller's).
 */
final class TextCalls {

    static final long RETRY_AFTER_SECONDS = 10;

    private TextCalls() {
    }

    /** @param what the step for the log and the answer ("annotator", "embedder") */
    static <T> T answer(String text, String what, Supplier<T> call) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("text must not be empty");
        }
        try {
            return call.get();
        } catch (TextTooLargeException e) {
            throw new ProblemException(413, "Content Too Large", e.getMessage());
        } catch (AnnotatorUnavailableException | AnnotationService.BusyException e) {
            throw new ServiceUnavailableException(e.getMessage(), RETRY_AFTER_SECONDS);
        } catch (RuntimeException | StackOverflowError e) {
            Log.errorf(e, "the %s failed on a text of %d characters", what, text.length());
            throw new ProblemException(422, "Unprocessable Content",
                    "the " + what + " failed on this text (" + e.getClass().getSimpleName() + "); the error is logged");
        }
    }
}
