package dev.berth.ecs.scheduler;

import dev.berth.ecs.scheduler.query.Expr;
import dev.berth.ecs.scheduler.query.InstanceFacts;
import dev.berth.ecs.scheduler.query.QueryException;
import dev.berth.ecs.scheduler.query.QueryParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryLanguageTest {
    /** A t2.micro in us-east-1a running two tasks, one of service:web. */
    private static final InstanceFacts T2 = facts(Map.of("ecs.instance-type", "t2.micro", "ecs.availability-zone", "us-east-1a",
            "stack", "prod", "size", "10"), "i-0abc", true, Set.of("service:web", "family:batch"), 2);
    private static final InstanceFacts M5 = facts(Map.of("ecs.instance-type", "m5.large", "ecs.availability-zone", "us-east-1b"),
            "i-0def", false, Set.of(), 0);

    static InstanceFacts facts(Map<String, String> attrs, String ec2, boolean agent, Set<String> groups, int running) {
        return new InstanceFacts() {
            public String attribute(String name) {
                return attrs.get(name);
            }

            public String ec2InstanceId() {
                return ec2;
            }

            public boolean agentConnected() {
                return agent;
            }

            public int runningTasksCount() {
                return running;
            }

            public boolean anyTaskGroup(Predicate<String> test) {
                return groups.stream().anyMatch(test);
            }
        };
    }

    @ParameterizedTest(name = "{0} -> t2 {1}, m5 {2}")
    @CsvSource(delimiter = ';', value = {
        "attribute:ecs.instance-type =~ t2.*; true; false",
        "attribute:ecs.instance-type !~ t2.*; false; true",
        "attribute:ecs.instance-type matches t2.*; true; false",
        "attribute:ecs.availability-zone == us-east-1a; true; false",
        "attribute:ecs.availability-zone equals us-east-1a; true; false",
        "attribute:ecs.availability-zone != us-east-1a; false; true",
        "attribute:ecs.availability-zone in [us-east-1a, us-east-1c]; true; false",
        "attribute:ecs.availability-zone not in [us-east-1a, us-east-1c]; false; true",
        "attribute:ecs.availability-zone !in [us-east-1a]; false; true",
        "attribute:ecs.availability-zone not_in [us-east-1a]; false; true",
        "attribute:stack exists; true; false",
        "attribute:stack !exists; false; true",
        "attribute:stack not_exists; false; true",
        "attribute:stack != prod; false; true",
        "attribute:size > 9; true; false",
        "attribute:size >= 10; true; false",
        "attribute:size < 9; false; false",
        "task:group == service:web; true; false",
        "task:group != service:web; false; true",
        "task:group in [service:db, family:batch]; true; false",
        "task:group =~ service:.*; true; false",
        "task:group exists; true; false",
        "ec2InstanceId in [i-0abc, i-0xyz]; true; false",
        "ec2InstanceId == i-0def; false; true",
        "runningTasksCount == 0; false; true",
        "runningTasksCount > 1; true; false",
        "runningTasksCount < 1; false; true",
        "agentConnected == true; true; false",
        "agentConnected == false; false; true",
        "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a; true; false",
        "attribute:ecs.instance-type =~ t2.* && attribute:ecs.availability-zone == us-east-1b; false; false",
        "attribute:ecs.instance-type =~ t2.* or attribute:ecs.availability-zone == us-east-1b; true; true",
        "attribute:ecs.instance-type =~ t2.* || runningTasksCount == 0; true; true",
        "not(attribute:ecs.instance-type =~ t2.*); false; true",
        "!(task:group == service:web); false; true",
        "not attribute:stack exists; false; true",
        "runningTasksCount == 0 or attribute:stack == prod and attribute:size == 11; false; true",
        "(runningTasksCount == 0 or attribute:stack == prod) and attribute:size == 11; false; false",
        "attribute:ecs.instance-type == 't2.micro'; true; false",
        "attribute:ecs.instance-type=~t2.*; true; false",
    })
    void evaluates(String expression, boolean onT2, boolean onM5) {
        Expr e = QueryParser.parse(expression);
        assertEquals(onT2, e.test(T2), "t2");
        assertEquals(onM5, e.test(M5), "m5");
    }

    @Test
    void knowsWhichExpressionsChangeAsTasksMove() {
        assertFalse(QueryParser.parse("attribute:a == b and ec2InstanceId == c").dynamic());
        assertTrue(QueryParser.parse("attribute:a == b and not(task:group == service:x)").dynamic());
        assertTrue(QueryParser.parse("runningTasksCount == 0").dynamic());
    }

    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "attribute:a ==; 15; a value",
        "attribute:a = b; 13; '==' or '=~'",
        "attribute:a b; 13; an operator",
        "color == red; 1; a subject",
        "attribute:a == b and; 21; a subject",
        "attribute:a == b c; 18; 'and', 'or' or end of expression",
        "(attribute:a == b; 18; ')'",
        "attribute:a in b; 16; '[' starting a list",
        "attribute:a in [b c]; 19; ',' or ']'",
        "attribute:a in []; 17; a value",
        "attribute:a =~ [; 16; a value",
        "attribute:a =~ 'x(; 16; a closing '",
        "attribute:a =~ 'x('; 16; a Java regular expression",
        "attribute:a =~ x(y); 17; 'and', 'or' or end of expression",
        "task:group > 3; 12; an operator valid for task:group",
        "registeredAt > 2018-06-18; 1; a subject",
        "\"\"; 1; an expression",
        "not(; 5; a subject",
        "attribute:a == b )); 18; 'and', 'or' or end of expression",
    })
    void reportsColumnAndExpectation(String expression, int column, String expected) {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(expression));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.expected().startsWith(expected), e.getMessage());
    }

    @Test
    void messageNamesColumnExpectationAndFinding() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("attribute:ecs.instance-type =~"));
        assertEquals("column 31: expected a value but found end of expression", e.getMessage());
    }
}
