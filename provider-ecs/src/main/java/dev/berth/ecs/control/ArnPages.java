package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ECS's paging of list calls: at most {@code maxResults} (1 to 100, default 100) names per page
 * in name order, and an opaque {@code nextToken} that resumes after the last name given, so a
 * page boundary holds even when names are added or removed between calls.
 */
record ArnPages(List<String> page, String nextToken) {
    static final int MAX = 100;

    static ArnPages of(List<String> sortedNames, String nextToken, Integer maxResults) {
        int max = maxResults == null ? MAX : maxResults;
        if (max < 1 || max > MAX) {
            throw EcsException.invalidParameter("maxResults must be between 1 and " + MAX + ".");
        }
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        int from = 0;
        if (after != null) {
            while (from < sortedNames.size() && sortedNames.get(from).compareTo(after) <= 0) from++;
        }
        int to = Math.min(sortedNames.size(), from + max);
        List<String> page = List.copyOf(sortedNames.subList(from, to));
        String next = to < sortedNames.size() ? encode(page.get(page.size() - 1)) : null;
        return new ArnPages(page, next);
    }

    private static String encode(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw EcsException.invalidParameter("The nextToken is not valid.");
        }
    }
}
