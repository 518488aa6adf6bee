package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ECS's log configuration rules as berth applies them when a task definition is checked: the
 * driver must be one berth honours, its options ones that driver accepts, its required options
 * present. Each problem is one sentence naming the container and the driver or option.
 */
public final class LogConfigurationCheck {
    private LogConfigurationCheck() {
    }

    /** What is wrong with one container's log configuration, each in one sentence; empty when it is fine. */
    public static List<String> problems(String container, LogConfiguration lc) {
        return problemsOf("Container \"" + container + "\"", lc);
    }

    /** The problems of {@code c}'s log configuration, {@code who} naming the container as the validator does. */
    public static List<String> problemsOf(String who, LogConfiguration lc) {
        List<String> out = new ArrayList<>();
        if (lc == null) return out;
        String driver = lc.logDriver();
        if (driver == null || driver.isEmpty()) {
            out.add(who + ": logConfiguration needs a logDriver (one of " + String.join(", ", LogDrivers.supported())
                    + ").");
            return out;
        }
        Set<String> accepted = LogDrivers.options(driver);
        if (!LogDrivers.isDocker(driver) && !LogDrivers.isKept(driver)) {
            out.add(who + ": log driver \"" + driver + "\" is not supported; berth supports "
                    + String.join(", ", LogDrivers.supported()) + ".");
            return out;
        }
        // awsfirelens options belong to the router's output plugin: FirelensRules checks them with the router.
        if (LogDrivers.AWSFIRELENS.equals(driver)) return out;
        for (String name : lc.options().keySet()) {
            if (!accepted.contains(name)) {
                out.add(who + ": log option \"" + name + "\" is not known to the " + driver + " log driver"
                        + (accepted.isEmpty() ? ", which takes no options." : " (it accepts "
                        + String.join(", ", accepted) + ")."));
            }
        }
        for (String name : LogDrivers.required(driver)) {
            String v = lc.option(name);
            if (v == null || v.isEmpty()) {
                out.add(who + ": the " + driver + " log driver requires the option \"" + name + "\".");
            }
        }
        if (!lc.secretOptions().isEmpty() && !LogDrivers.isKept(driver)) {
            out.add(who + ": berth does not pass secretOptions to Docker's " + driver
                    + " log driver yet; put the value in options or use a driver berth keeps (awslogs, splunk).");
        }
        return out;
    }

}
