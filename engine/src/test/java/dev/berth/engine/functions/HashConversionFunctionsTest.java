package dev.berth.engine.functions;

import dev.berth.engine.value.StringValue;
import dev.berth.engine.value.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.engine.functions.Call.b;
import static dev.berth.engine.functions.Call.call;
import static dev.berth.engine.functions.Call.fails;
import static dev.berth.engine.functions.Call.list;
import static dev.berth.engine.functions.Call.map;
import static dev.berth.engine.functions.Call.n;
import static dev.berth.engine.functions.Call.nil;
import static dev.berth.engine.functions.Call.s;
import static dev.berth.engine.functions.Call.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashConversionFunctionsTest {
    @Test
    void digests() {
        assertEquals(s("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed"), call("sha1", s("hello world")));
        assertEquals(s("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"), call("sha256", s("hello world")));
        assertEquals(s("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f"),
                call("sha512", s("hello world")));
        assertEquals(s("5eb63bbbe01eeed093cb22bb8f5acdc3"), call("md5", s("hello world")));
        assertEquals(s("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="), call("base64sha256", s("hello world")));
        fails("md5", list());
    }

    @Test
    void uuidAndTimestampAreUnknownDuringPlan() {
        assertEquals(Value.unknown(), call("uuid"));
        assertEquals(Value.unknown(), call("timestamp"));
        Function uuid = Call.REGISTRY.lookup("uuid").orElseThrow();
        String id = ((StringValue) uuid.call(List.of())).value();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        Function ts = Call.REGISTRY.lookup("timestamp").orElseThrow();
        String now = ((StringValue) ts.call(List.of())).value();
        assertTrue(now.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), now);
        // The registry answers unknown before calling, so the count check shows only at apply.
        assertEquals("Function \"uuid\" expects only 0 argument(s).",
                org.junit.jupiter.api.Assertions.assertThrows(FunctionException.class,
                        () -> uuid.call(List.of(s("x")))).getMessage());
    }

    @Test
    void primitiveConversions() {
        assertEquals(s("5"), call("tostring", n(5)));
        assertEquals(s("true"), call("tostring", b(true)));
        assertEquals(nil(), call("tostring", nil()));
        assertEquals("Invalid value for \"v\" parameter: cannot convert list to string.", fails("tostring", list()).getMessage());
        assertEquals(n("1.5"), call("tonumber", s("1.50")));
        assertEquals(nil(), call("tonumber", nil()));
        assertEquals("Invalid value for \"v\" parameter: cannot convert \"no\" to number; given string must be a decimal representation of a number.",
                fails("tonumber", s("no")).getMessage());
        assertEquals(b(false), call("tobool", s("false")));
        assertEquals("Invalid value for \"v\" parameter: cannot convert \"yes\" to bool; only the strings \"true\" or \"false\" are allowed.",
                fails("tobool", s("yes")).getMessage());
    }

    @Test
    void collectionConversions() {
        assertEquals(strings("a", "1"), call("tolist", list(s("a"), n(1))));
        assertEquals(strings("a", "b"), call("toset", strings("b", "a", "b")));
        assertEquals(map("a", s("1"), "b", s("x")), call("tomap", map("a", n(1), "b", s("x"))));
        assertEquals("Invalid value for \"v\" parameter: cannot convert list to list of any single type.",
                fails("tolist", list(n(1), b(true))).getMessage());
        assertEquals("Invalid value for \"v\" parameter: cannot convert string to map(any).", fails("tomap", s("x")).getMessage());
    }

    @Test
    void sensitiveArgumentsGiveSensitiveResults() {
        Value out = call("upper", Value.sensitive(s("pw")));
        assertEquals(Value.sensitive(s("PW")), out);
    }

    @Test
    void everyFunctionIsRegisteredOnce() {
        // The full list is checked against Terraform's own catalogue in TerraformFunctionCatalogueTest.
        assertEquals(StandardFunctions.all().size(), Call.REGISTRY.names().size());
    }
}
