package dev.berth.ecs.taskdef;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why RegisterTaskDefinition refused a corpus file, sorted into the reasons a refusal may have:
 * fields the field table does not honour (expected from the table), values berth says it cannot
 * honour with a reason (an Elastic Inference requirement in a supported field), and rules ECS
 * itself applies to the file ({@link CorpusFile#ECS_REFUSES}). Anything else is unexplained.
 */
record Refusal(List<String> values, List<String> ecsRules, String unexplained) {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+(?=[A-Z\"])");

    static Refusal of(CorpusFile f, String message) {
        String rest = message;
        boolean tableSaid = false;
        for (String s : f.expectedRefusals()) {
            tableSaid |= rest.contains(s);
            rest = rest.replace(s, "");
        }
        List<String> ecs = new ArrayList<>();
        for (String s : f.ecsRefusals()) {
            if (rest.contains(s)) ecs.add(s);
            rest = rest.replace(s, "");
        }
        List<String> values = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(rest.strip())) {
            if (sentence.isBlank()) continue;
            if (sentence.contains(": berth does not honour ") || sentence.contains(": berth cannot honour ")) {
                values.add(sentence.substring(sentence.indexOf(": berth ") + 2));
            } else {
                other.add(sentence);
            }
        }
        String unexplained = null;
        if (!other.isEmpty()) unexplained = "more than berth's refusals: " + message;
        else if (!tableSaid && ecs.isEmpty() && values.isEmpty()) unexplained = "nothing it names: " + message;
        // Task-level problems are reported before the containers are read, so ECS's own rule may hide the rest.
        else if (!f.expectedRefusals().isEmpty() && !tableSaid && ecs.isEmpty()) {
            unexplained = "other reasons than the fields the table marks " + f.expectedRefusals() + ": " + message;
        }
        return new Refusal(values, ecs, unexplained);
    }

    String describe(CorpusFile f) {
        List<String> parts = new ArrayList<>();
        if (!f.blockingFields().isEmpty()) parts.add(String.join(", ", f.blockingFields()));
        if (!values.isEmpty()) parts.add("values: " + String.join(" ", values));
        if (!ecsRules.isEmpty()) parts.add("as ECS refuses it: " + String.join(" ", ecsRules));
        return "refused: " + String.join("; ", parts);
    }
}
