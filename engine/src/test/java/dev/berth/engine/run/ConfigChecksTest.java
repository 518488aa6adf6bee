package dev.berth.engine.run;

import dev.berth.engine.diag.Diagnostic;
import dev.berth.engine.diag.Diagnostics;
import dev.berth.engine.testkit.TestEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** SchemaChecker (through ConfigCheck) and ConfigGraph: the checks made before anything is evaluated. */
class ConfigChecksTest {
    @TempDir
    Path dir;
    TestEngine engine;

    @BeforeEach
    void setUp() {
        engine = new TestEngine(dir);
    }

    private List<Diagnostic> check(String hcl) {
        Diagnostics diags = new Diagnostics();
        ConfigCheck.check(engine.configure(hcl), engine.providers, diags);
        return diags.list();
    }

    private static Diagnostic only(List<Diagnostic> diags, String summaryStart) {
        List<Diagnostic> found = diags.stream().filter(d -> d.summary().startsWith(summaryStart)).toList();
        if (found.size() != 1) fail("expected one \"" + summaryStart + "\" in " + diags);
        assertTrue(found.get(0).isError());
        return found.get(0);
    }

    @Test
    void unknownAttributeSuggestsTheClosestSettableOne() {
        List<Diagnostic> diags = check("""
                resource "fake_thing" "a" {
                  name = "a"
                  sise = 2
                }
                """);

        Diagnostic d = only(diags, "Unsupported argument");
        assertEquals("Unsupported argument: an argument named \"sise\" is not expected in resource \"fake_thing\". "
                + "Did you mean \"size\"?", d.summary());
        assertEquals("Valid arguments are: name, note, size.", d.detail());
        assertEquals("main.hcl:3,3", d.range().toString());
        assertEquals(1, diags.size(), diags.toString());
    }

    @Test
    void settingAComputedAttributeIsAnError() {
        List<Diagnostic> diags = check("""
                resource "fake_thing" "a" {
                  name = "a"
                    id = "x"
                }
                """);

        Diagnostic d = only(diags, "Invalid argument \"id\"");
        assertEquals("Invalid argument \"id\": it is computed by the provider and cannot be set.", d.summary());
        assertEquals("main.hcl:3,5", d.range().toString());
    }

    @Test
    void missingRequiredArgumentPointsAtTheResourceBlock() {
        List<Diagnostic> diags = check("""
                variable "v" {}

                  resource "fake_thing" "a" {
                  size = 2
                }
                """);

        Diagnostic d = only(diags, "Missing required argument");
        assertEquals("Missing required argument: the argument \"name\" is required in resource \"fake_thing\", but no "
                + "definition was found.", d.summary());
        assertEquals("main.hcl:3,3", d.range().toString());
    }

    @Test
    void unknownResourceTypeSuggestsAType() {
        Diagnostic d = only(check("resource \"fake_thng\" \"a\" {\n  name = \"a\"\n}\n"), "Invalid resource type");

        assertTrue(d.summary().endsWith("Did you mean \"fake_thing\"?"), d.summary());
        assertEquals("main.hcl:1,10", d.range().toString());
    }

    @Test
    void undeclaredReferencesAreReportedWhereTheyAreMade() {
        List<Diagnostic> diags = check("""
                variable "region" {}
                locals {
                  prefix = "p"
                }
                resource "fake_thing" "a" {
                  name = "${var.regoin}-${local.prefx}"
                  note = fake_thing.missing.id
                }
                """);

        Diagnostic v = only(diags, "Reference to undeclared input variable");
        assertTrue(v.summary().endsWith("Did you mean \"region\"?"), v.summary());
        assertEquals("main.hcl:6,13", v.range().toString());
        Diagnostic l = only(diags, "Reference to undeclared local value");
        assertTrue(l.summary().endsWith("Did you mean \"prefix\"?"), l.summary());
        assertEquals("main.hcl:6,27", l.range().toString());
        Diagnostic r = only(diags, "Reference to undeclared resource");
        assertTrue(r.summary().startsWith("Reference to undeclared resource: a resource \"fake_thing\" \"missing\""),
                r.summary());
        assertEquals("main.hcl:7,10", r.range().toString());
        assertEquals(3, diags.size(), diags.toString());
    }

    @Test
    void cycleNamesEveryAddressInIt() {
        List<Diagnostic> diags = check("""
                resource "fake_thing" "a" {
                  name = fake_thing.b.note
                }
                resource "fake_thing" "b" {
                  name = "b"
                  note = local.via_a
                }
                locals {
                  via_a = fake_thing.a.id
                }
                """);

        Diagnostic d = only(diags, "Cycle: ");
        for (String name : List.of("fake_thing.a", "fake_thing.b", "local.via_a")) {
            assertTrue(d.summary().contains(name), d.summary());
        }
        assertEquals(3, d.summary().substring("Cycle: ".length()).split(", ").length, d.summary());
        assertEquals(1, diags.size(), diags.toString());
    }

    @Test
    void dependenciesThroughLocalsAreResourceDependencies() {
        Diagnostics diags = new Diagnostics();
        ConfigGraph graph = ConfigCheck.check(engine.configure("""
                resource "fake_thing" "a" {
                  name = "a"
                }
                locals {
                  id = fake_thing.a.id
                }
                resource "fake_thing" "b" {
                  name = local.id
                }
                """), engine.providers, diags);

        assertEquals(List.of(), diags.list());
        assertEquals(java.util.Set.of(new dev.berth.engine.addrs.ResourceAddr("fake_thing", "a")),
                graph.resourceDependencies(new dev.berth.engine.addrs.ResourceAddr("fake_thing", "b")));
    }
}
