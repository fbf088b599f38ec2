package org.newsdesk.contracts.serde;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.newsdesk.contracts.EventJson;

/**
 * Reads one event type from JSON. A null or empty value is a tombstone and comes back as null;
 * a broken payload throws {@link SerializationException} so the consumer's failure strategy
 * (retries, then the DLQ) takes over.
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    protected JsonEventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null || data.length == 0) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("malformed " + type.getSimpleName() + " on " + topic + ": " + e.getMessage(), e);
        }
    }
}
