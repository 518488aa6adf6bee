package dev.berth.engine.functions;

import dev.berth.engine.eval.Evaluator;
import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which functions answer from their arguments alone: a background berth takes an unchanged
 * resource's last plan again only when its block calls no other kind. A function added later
 * fails the first test until someone decides which kind it is.
 */
class AnswersFromArgumentsTest {
    private static final Set<String> VARYING = Set.of("bcrypt", "fileexists", "filebase64", "filebase64sha256",
            "filebase64sha512", "filemd5", "fileset", "filesha1", "filesha256", "filesha512", "plantimestamp",
            "timestamp", "uuid");

    @Test
    void onlyTheFunctionsThatReadFilesTheClockOrARandomSourceVary() {
        FunctionRegistry all = FunctionRegistry.standard().withFilesIn(Path.of("."));
        Set<String> varying = new TreeSet<>();
        for (String name : all.names()) {
            if (!all.lookup(name).orElseThrow().answersFromArguments()) varying.add(name);
        }
        assertEquals(new TreeSet<>(VARYING), varying);
    }

    @Test
    void anExpressionFollowsFromItsReferencesOnlyWhenEveryCallItMakesDoes() {
        Evaluator ev = new Evaluator(FunctionRegistry.standard(), Path.of("."));
        assertFollows(ev, true, "jsonencode([{ name = upper(var.name), port = 80 }])");
        assertFollows(ev, true, "[for s in var.names : core::lower(s)]");
        assertFollows(ev, true, "can(tonumber(var.size)) ? sensitive(var.size) : 0");
        assertFollows(ev, false, "try(timestamp(), \"never\")");
        assertFollows(ev, false, "\"id-${uuid()}\"");
        assertFollows(ev, false, "{ a = [fileexists(\"x\")] }");
        assertFollows(ev, false, "file(\"x\")");
        assertFollows(ev, false, "templatefile(\"t.tpl\", {})");
        assertFollows(ev, false, "templatestring(local.template, {})");
        assertFollows(ev, false, "provider::ecs::anything(1)");
        assertFollows(ev, false, "no_such_function(1)");
    }

    private static void assertFollows(Evaluator ev, boolean expected, String text) {
        assertEquals(expected, ev.followsFromReferences(HclParser.parseExpression("e.tf", text).expression()), text);
    }
}
