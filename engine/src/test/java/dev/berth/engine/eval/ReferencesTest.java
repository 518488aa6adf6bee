package dev.berth.engine.eval;

import dev.berth.engine.hcl.HclParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReferencesTest {

    private static List<String> refs(String src) {
        return References.of(HclParser.parseExpression("r.tf", src).expression()).stream()
                .map(r -> r.kind() + ":" + r.name() + ":" + r.text()).toList();
    }

    @Test
    void classifiesEveryKindInSourceOrder() {
        assertEquals(List.of(
                        "var:region:var.region",
                        "resource:ecs_service.web:ecs_service.web.tasks[0]",
                        "local:names:local.names[\"a\"]",
                        "count:index:count.index",
                        "each:value:each.value.x",
                        "path:module:path.module",
                        "data:aws_ami.ubuntu:data.aws_ami.ubuntu.id",
                        "module:net:module.net.vpc_id",
                        "self:private_ip:self.private_ip"),
                refs("\"${var.region}-${ecs_service.web.tasks[0]}\" == f(local.names[\"a\"], count.index, each.value.x,"
                        + " path.module, data.aws_ami.ubuntu.id, module.net.vpc_id, self.private_ip)"));
    }

    @Test
    void forVariablesAreNotReferences() {
        assertEquals(List.of("var:list:var.list", "var:min:var.min"),
                refs("[for s in var.list : s.id if s.size > var.min]"));
        assertEquals(List.of("var:xs:var.xs"), refs("\"%{ for x in var.xs }${x}%{ endfor }\""));
    }

    @Test
    void splatAndDynamicIndexSources() {
        assertEquals(List.of("resource:aws_instance.web:aws_instance.web", "var:i:var.i"),
                refs("aws_instance.web[*].id[var.i]"));
    }

    @Test
    void rangesCoverTheWholeTraversal() {
        var r = References.of(HclParser.parseExpression("r.tf", "1 + var.a.b").expression()).get(0);
        assertEquals(5, r.range().column());
        assertEquals(12, r.range().endColumn());
    }
}
