package dev.berth.ecs.control;

import dev.berth.ecs.api.EcsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * ECS's list paging: {@code maxResults} (1 to the action's limit; absent, the limit) and an
 * opaque {@code nextToken} that continues where the last page stopped. The token carries the
 * offset into the same ordering, which every list action keeps stable (names and revisions).
 */
final class Paging {
    record Page<T>(List<T> items, String nextToken) {
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> all, String nextToken, Integer maxResults, int limit) {
        if (maxResults != null && (maxResults < 1 || maxResults > limit)) {
            throw EcsException.invalidParameter("maxResults must be between 1 and " + limit + ".");
        }
        int size = maxResults == null ? limit : maxResults;
        int from = offset(nextToken);
        if (from > all.size()) from = all.size();
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? token(to) : null;
        return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) return 0;
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) throw new IllegalArgumentException();
            int n = Integer.parseInt(text.substring("offset:".length()));
            if (n < 0) throw new IllegalArgumentException();
            return n;
        } catch (IllegalArgumentException e) {
            throw EcsException.invalidParameter("Invalid nextToken.");
        }
    }
}
