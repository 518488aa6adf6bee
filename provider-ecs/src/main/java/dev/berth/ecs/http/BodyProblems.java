package dev.berth.ecs.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.util.List;

/**
 * Says what is wrong with a request body in the client's terms: where in the JSON, never which
 * Java class failed to bind (Jackson's own messages name berth's request records and its tokens).
 */
final class BodyProblems {
    private BodyProblems() {
    }

    /** The rest of a sentence starting "The body of ACTION ...". */
    static String describe(JsonProcessingException e) {
        if (e instanceof DatabindException d) {
            String path = path(d instanceof JsonMappingException m ? m.getPath() : List.of());
            return path.isEmpty() ? "must be a JSON object" : "has a value of the wrong type at " + path;
        }
        if (e instanceof StreamReadException r && r.getLocation() != null) {
            JsonLocation at = r.getLocation();
            return "is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return "is not valid JSON";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) out.append('.');
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
