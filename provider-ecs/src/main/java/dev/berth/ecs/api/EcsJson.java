package dev.berth.ecs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON of ECS's wire protocol (awsJson1_1): the records' field names as they are, absent
 * fields left out, fields a request carries that berth does not know ignored (as a newer SDK's
 * may), and timestamps as epoch seconds with a fraction, which is what the AWS CLI and SDKs
 * send and parse.
 */
public final class EcsJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .registerModule(new SimpleModule("ecs-timestamps")
                    .addSerializer(Instant.class, new EpochSeconds())
                    .addDeserializer(Instant.class, new FromEpochSeconds()));

    private EcsJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a request or response; malformed JSON is ECS's SerializationException-like client error. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json == null || json.isBlank() ? "{}" : json, type);
        } catch (JsonProcessingException e) {
            throw EcsException.client("The request body is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage() + ".");
        }
    }

    private static final class EpochSeconds extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(BigDecimal.valueOf(value.getEpochSecond()).add(BigDecimal.valueOf(value.getNano(), 9))
                    .setScale(3, java.math.RoundingMode.DOWN));
        }
    }

    private static final class FromEpochSeconds extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                BigDecimal seconds = p.getDecimalValue();
                long whole = seconds.longValue();
                return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
            }
            return Instant.parse(p.getValueAsString());
        }
    }
}
