package org.newsdesk.nlp.annotation;

/**
 * The CoreNLP pipeline and KBP word lists the part-A tests share: loaded on first use, at most once per test JVM,
 * because each load takes seconds and hundreds of megabytes.
 */
final class SharedModels {

    private static CoreNlpPipeline pipeline;
    private static KbpGazetteer gazetteer;

    private SharedModels() {
    }

    static synchronized CoreNlpPipeline pipeline() {
        if (pipeline == null) {
            pipeline = new CoreNlpPipeline();
        }
        return pipeline;
    }

    static synchronized KbpGazetteer gazetteer() {
        if (gazetteer == null) {
            gazetteer = KbpGazetteer.load();
        }
        return gazetteer;
    }
}
