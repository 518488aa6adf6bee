package dev.berth.engine.planfile;

import dev.berth.engine.plan.Plan;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved plan: everything {@code apply FILE} needs without looking at the working directory
 * again. The plan carries its variables and the refreshed prior state; {@code configFiles} holds
 * the text of every configuration file as it was planned (name relative to the configuration
 * directory), so editing the configuration after planning cannot change what is applied.
 * Values keep their unknown and sensitive markings, sensitive ones in clear: they are needed to
 * apply, which is why the file is written readable by its owner only.
 */
public record PlanFile(Plan plan, Map<String, String> configFiles, Instant created, String berthVersion) {
    public PlanFile {
        configFiles = Collections.unmodifiableSortedMap(new TreeMap<>(configFiles));
    }
}
