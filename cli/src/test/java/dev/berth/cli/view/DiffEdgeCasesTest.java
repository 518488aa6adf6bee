package dev.berth.cli.view;

import dev.berth.engine.plan.Action;
import dev.berth.engine.plan.ActionReason;
import dev.berth.engine.plan.OutputChange;
import dev.berth.engine.plan.Plan;
import dev.berth.engine.plan.ResourceChange;
import dev.berth.engine.value.MapValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.berth.cli.view.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Shapes the golden scenarios do not reach, each checked on one resource block. */
class DiffEdgeCasesTest {

    private static String block(MapValue before, MapValue after, List<List<Object>> replace) {
        Action action = before == null ? Action.CREATE : after == null ? Action.DELETE
                : replace.isEmpty() ? Action.UPDATE : Action.DELETE_THEN_CREATE;
        ResourceChange c = change(addr("ecs_service", "x"), action, before, after, replace, ActionReason.NONE);
        String out = new PlanRenderer().resource(c, false, new Palette(false));
        return out.substring(out.indexOf('\n') + 1) + "\n";
    }

    @Test
    void equalLengthListsCompareByPosition() {
        assertEquals("""
                  ~ resource "ecs_service" "x" {
                      ~ ports = [
                          ~ "80" -> "8080",
                            "443",
                            # (2 unchanged elements hidden)
                        ]
                    }
                """, block(obj("ports", list("80", "443", "a", "b")), obj("ports", list("8080", "443", "a", "b")), List.of()));
    }

    @Test
    void shapeChangeShowsOldThenNew() {
        assertEquals("""
                  ~ resource "ecs_service" "x" {
                      ~ command = [
                          - "serve",
                        ] -> "serve"
                    }
                """, block(obj("command", list("serve")), obj("command", "serve"), List.of()));
    }

    @Test
    void nestedObjectForcingReplacementIsMarkedOnItsBrace() {
        assertEquals("""
                -/+ resource "ecs_service" "x" {
                      ~ network = { # forces replacement
                          ~ subnet = "a" -> "b"
                        }
                    }
                """, block(obj("network", obj("subnet", "a")), obj("network", obj("subnet", "b")),
                List.of(List.of("network"))));
    }

    @Test
    void deletedHeredocAndNestedSecretEndCorrectly() {
        assertEquals("""
                  - resource "ecs_service" "x" {
                      - auth   = {
                          - key = (sensitive value)
                        } -> null
                      - script = <<-EOT
                            a
                            b
                        EOT -> null
                    }
                """, block(obj("script", "a\nb\n", "auth", obj("key", secret("k"))), null, List.of()));
    }

    @Test
    void unknownElementsAndEmptyJsonStayOnOneLine() {
        assertEquals("""
                  + resource "ecs_service" "x" {
                      + defs = jsonencode([])
                      + ips  = [
                          + (known after apply),
                        ]
                    }
                """, block(null, obj("defs", "[]", "ips", list(UNKNOWN)), List.of()));
    }

    @Test
    void sensitiveBecomingVisibleOrChangingNeverShowsEitherSide() {
        assertEquals("""
                  ~ resource "ecs_service" "x" {
                      ~ token = (sensitive value)
                    }
                """, block(obj("token", secret("s3cret")), obj("token", "public"), List.of()));
    }

    @Test
    void keysThatAreNotIdentifiersAreQuoted() {
        assertEquals("""
                  + resource "ecs_service" "x" {
                      + labels = {
                          + "app.kubernetes.io/name" = "web"
                          + plain                    = "yes"
                        }
                    }
                """, block(null, obj("labels", obj("app.kubernetes.io/name", "web", "plain", "yes")), List.of()));
    }

    @Test
    void aSecretNeverLeaksThroughAnyPath() {
        MapValue withSecret = obj("id", "a", "env", obj("TOKEN", secret("s3cret")), "list", list(secret("s3cret")));
        MapValue changed = obj("id", "a", "env", obj("TOKEN", secret("s3cret2")), "list", list(secret("s3cret2")),
                "json", secret("{\"k\":\"s3cret\"}"));
        Plan plan = plan(Plan.Mode.NORMAL,
                List.of(change(addr("ecs_service", "web"), Action.UPDATE, withSecret, changed)),
                List.of(new OutputChange("token", Action.UPDATE, secret("s3cret"), secret("s3cret2"), false),
                        new OutputChange("flagged", Action.CREATE, null, v("s3cret"), true)),
                List.of(change(addr("ecs_service", "web"), Action.UPDATE, changed, withSecret)));

        String out = new PlanRenderer().render(plan, RenderOptions.plain());

        assertFalse(out.contains("s3cret"), out);
    }
}
