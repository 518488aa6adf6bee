package dev.berth.engine.eval;

import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeConstraintsTest {

    private static TypeConstraint parse(String src, Diagnostics d) {
        return TypeConstraints.parse(HclParser.parseExpression("t.tf", src).expression(), d);
    }

    @Test
    void parsesNestedConstraints() {
        Diagnostics d = new Diagnostics();
        TypeConstraint t = parse("object({ name = string, ports = list(number), tags = optional(map(string), {}),"
                + " pair = tuple([bool, any]), ids = set(string) })", d);
        assertTrue(d.isEmpty(), d.list().toString());
        assertEquals("object({name=string, ports=list(number), tags=optional(map(string), ...), "
                + "pair=tuple([bool, any]), ids=set(string)})", t.toString());
        TypeConstraint.ObjectType o = assertInstanceOf(TypeConstraint.ObjectType.class, t);
        assertInstanceOf(TypeConstraint.Optional.class, o.attributes().get("tags"));
    }

    @Test
    void rejectsUnknownTypesAndMisplacedOptional() {
        Diagnostics d = new Diagnostics();
        parse("list(strin)", d);
        assertEquals("Invalid type specification: \"strin\" is not a type", d.list().get(0).summary());
        assertEquals(6, d.list().get(0).range().column());
        Diagnostics d2 = new Diagnostics();
        parse("optional(string)", d2);
        assertEquals("Invalid type specification: optional() may only be used for an object attribute",
                d2.list().get(0).summary());
    }
}
