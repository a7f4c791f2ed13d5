package vn.childprotection.platform.referral.domain;

import java.util.List;

/**
 * One page of a list narrowed to the caller's scope in the store query: {@code total} counts only what the caller may
 * see, so a count never reveals out-of-scope items.
 */
public record ListPage<T>(List<T> items, int page, int size, long total) {

    public ListPage {
        items = List.copyOf(items);
    }
}
