package dev.berth.cli.view;

import dev.berth.ecs.secret.SecretEntry;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** {@code berth secret list}: names and when each was created and last set; never a value. */
public final class SecretListView {
    private SecretListView() {
    }

    public static String render(List<SecretEntry> secrets, Path file) {
        if (secrets.isEmpty()) return "No secrets in " + file + ".\n";
        int width = "NAME".length();
        for (SecretEntry s : secrets) width = Math.max(width, s.name().length());
        StringBuilder sb = new StringBuilder();
        sb.append(row(width, "NAME", "CREATED", "UPDATED"));
        for (SecretEntry s : secrets) {
            sb.append(row(width, s.name(), s.created().truncatedTo(ChronoUnit.SECONDS).toString(),
                    s.updated().truncatedTo(ChronoUnit.SECONDS).toString()));
        }
        return sb.toString();
    }

    private static String row(int width, String name, String created, String updated) {
        return name + " ".repeat(width - name.length()) + "  " + created + " ".repeat(Math.max(0, 20 - created.length()))
                + "  " + updated + "\n";
    }
}
