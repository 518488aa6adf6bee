package dev.berth.cli.view;

/**
 * The fixed sentences of a plan, with the tool's name where Terraform says "Terraform". Line
 * breaks are Terraform's (its 78-column wrap) at the same words, so output lines up with
 * Terraform's whatever the name's length.
 */
final class Prose {

    static final String RULE = "─".repeat(77);

    private final String t;
    /** The command a user types: Terraform writes "Terraform detected" but "terraform apply". */
    private final String command;

    Prose(String toolName) {
        this.t = toolName;
        this.command = toolName.toLowerCase(java.util.Locale.ROOT);
    }

    String legendIntro() {
        return t + " used the selected providers to generate the following execution\n"
                + "plan. Resource actions are indicated with the following symbols:\n";
    }

    String willPerform() {
        return t + " will perform the following actions:\n";
    }

    String noChanges() {
        return t + " has compared your real infrastructure against your configuration\n"
                + "and found no differences, so no changes are needed.\n";
    }

    String nothingToDestroy() {
        return "Either you have not created any objects yet or the existing objects were\n"
                + "already deleted outside of " + t + ".\n";
    }

    String refreshOnlyNoChanges() {
        return t + " has checked that the real remote objects still match the result of\n"
                + "your most recent changes, and found no differences.\n";
    }

    String outputsOnly() {
        return "You can apply this plan to save these new output values to the " + t + "\n"
                + "state, without changing any real infrastructure.\n";
    }

    String driftTitle() {
        return " Objects have changed outside of " + t;
    }

    String driftIntro() {
        return t + " detected the following changes made outside of " + t + " since the\n"
                + "last \"" + command + " apply\" which may have affected this plan:\n";
    }

    String driftOutro() {
        return "Unless you have made equivalent changes to your configuration, or ignored the\n"
                + "relevant attributes using ignore_changes, the following plan may include\n"
                + "actions to undo or respond to these changes.\n";
    }

    String driftOutroRefreshOnly() {
        return "This is a refresh-only plan, so " + t + " will not take any actions to undo\n"
                + "these. If you were expecting these changes then you can apply this plan to\n"
                + "record the updated values in the " + t + " state without changing any remote\n"
                + "objects.\n";
    }

    String notSaved() {
        return "Note: You didn't use the -out option to save this plan, so " + t + " can't\n"
                + "guarantee to take exactly these actions if you run \"" + command + " apply\" now.\n";
    }

    String saved(String path) {
        return "Saved the plan to: " + path + "\n\n"
                + "To perform exactly these actions, run the following command to apply:\n"
                + "    " + t + " apply " + HclStrings.quote(path) + "\n";
    }
}
