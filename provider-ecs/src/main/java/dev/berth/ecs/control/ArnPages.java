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

    /**
     * The page of {@code sortedNames} and those of {@code more} (also sorted) that {@code shown} keeps, in one
     * name order, as {@link #of} pages them: {@code more} is looked at only from the token on and
     * only until the page is full (a cluster's stopped tasks, thousands of which a page never shows).
     */
    static ArnPages ofMerged(List<String> sortedNames, List<String> more,
                             java.util.function.Predicate<String> shown, String nextToken, Integer maxResults) {
        int max = maxResults == null ? MAX : maxResults;
        if (max < 1 || max > MAX) {
            throw EcsException.invalidParameter("maxResults must be between 1 and " + MAX + ".");
        }
        String after = nextToken == null || nextToken.isEmpty() ? null : decode(nextToken);
        java.util.Iterator<String> a = sortedNames.stream().filter(n -> after == null || n.compareTo(after) > 0).iterator();
        int from = 0;
        if (after != null) {
            int at = java.util.Collections.binarySearch(more, after);
            from = at >= 0 ? at + 1 : -at - 1;
        }
        java.util.Iterator<String> b = more.subList(from, more.size()).stream().filter(shown).iterator();
        List<String> page = new java.util.ArrayList<>();
        String nextA = a.hasNext() ? a.next() : null, nextB = b.hasNext() ? b.next() : null;
        while ((nextA != null || nextB != null) && page.size() <= max) {
            if (nextB == null || (nextA != null && nextA.compareTo(nextB) <= 0)) {
                page.add(nextA);
                nextA = a.hasNext() ? a.next() : null;
            } else {
                page.add(nextB);
                nextB = b.hasNext() ? b.next() : null;
            }
        }
        if (page.size() <= max) return new ArnPages(List.copyOf(page), null);
        List<String> shownPage = List.copyOf(page.subList(0, max));
        return new ArnPages(shownPage, encode(shownPage.get(max - 1)));
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
