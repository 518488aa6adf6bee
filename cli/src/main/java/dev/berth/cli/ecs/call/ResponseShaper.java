package dev.berth.cli.ecs.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.cli.ecs.model.EcsModel;
import dev.berth.cli.ecs.model.Member;
import dev.berth.cli.ecs.model.Shape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/**
 * What botocore's JSON parser makes of a response before the AWS CLI prints it: members in the
 * model's order, members the model does not know left out, and timestamps (epoch seconds on the
 * wire) as ISO 8601 text in the local time zone, as the AWS CLI v2's default
 * cli_timestamp_format (iso8601) prints them.
 */
public final class ResponseShaper {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final EcsModel model;
    private final ZoneId zone;

    public ResponseShaper(EcsModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
    }

    /** {@code wire} is the response as the JSON protocol carries it (EcsJson). */
    public JsonNode shape(JsonNode wire, Shape shape) {
        return parse(wire, shape);
    }

    private JsonNode parse(JsonNode value, Shape shape) {
        switch (shape.type()) {
            case "structure" -> {
                ObjectNode out = NODES.objectNode();
                if (!value.isObject()) return out;
                for (Member m : shape.members()) {
                    JsonNode raw = value.get(m.name());
                    if (raw != null && !raw.isNull()) out.set(m.name(), parse(raw, model.shape(m.shape())));
                }
                return out;
            }
            case "list" -> {
                ArrayNode out = NODES.arrayNode();
                Shape member = model.shape(shape.member());
                for (JsonNode el : value) out.add(el.isNull() ? el : parse(el, member));
                return out;
            }
            case "map" -> {
                ObjectNode out = NODES.objectNode();
                Shape valueShape = model.shape(shape.value());
                Iterator<Map.Entry<String, JsonNode>> it = value.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.set(e.getKey(), e.getValue().isNull() ? e.getValue() : parse(e.getValue(), valueShape));
                }
                return out;
            }
            case "timestamp" -> {
                return NODES.textNode(isoFormat(value));
            }
            default -> {
                return value;
            }
        }
    }

    /** Python's datetime.fromtimestamp(seconds, tzlocal()).isoformat(), to the microsecond. */
    String isoFormat(JsonNode value) {
        Instant instant;
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            BigDecimal micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_EVEN);
            BigDecimal[] parts = micros.divideAndRemainder(BigDecimal.valueOf(1_000_000));
            instant = Instant.ofEpochSecond(parts[0].longValue(), parts[1].longValue() * 1000);
        } else {
            instant = Instant.parse(value.asText());
        }
        ZonedDateTime t = instant.atZone(zone);
        StringBuilder out = new StringBuilder(t.format(SECONDS));
        int micro = t.getNano() / 1000;
        if (micro != 0) out.append('.').append(String.format("%06d", micro));
        int offset = t.getOffset().getTotalSeconds();
        out.append(offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        out.append(String.format("%02d:%02d", abs / 3600, (abs % 3600) / 60));
        if (abs % 60 != 0) out.append(String.format(":%02d", abs % 60));
        return out.toString();
    }
}
