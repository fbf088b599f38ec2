package org.newsdesk.contracts.serde;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.serialization.Serializer;
import org.newsdesk.contracts.EventJson;

/** Writes any event record as JSON; a null event stays null (a Kafka tombstone). */
public class JsonEventSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event for topic " + topic, e);
        }
    }
}
