package dev.berth.cli.command;

import dev.berth.cli.view.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Terraform's approval prompt: a question, what it means, and only "yes" approves. */
final class Confirmation {
    private Confirmation() {
    }

    static boolean ask(Terminal term, String question, String... explanation) {
        term.out().println(term.bold(question));
        for (String line : explanation) term.out().println("  " + line);
        term.out().println();
        term.out().print(term.bold("  Enter a value: "));
        term.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            term.out().println();
            return answer != null && answer.trim().equals("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
