package vn.childprotection.platform.referral.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.childprotection.platform.referral.domain.ListPage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One page of a list; {@code total} counts only what the caller may see. */
@Schema(description = "A page of items narrowed to the caller's scope; total counts only those")
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static final int MAX_SIZE = 200;

    static <S, T> PageResponse<T> of(ListPage<S> found, Function<S, T> view) {
        return new PageResponse<>(found.items().stream().map(view).toList(), found.page(), found.size(),
                found.total());
    }

    /** Names every bad paging parameter (400). */
    static void check(int page, int size) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(Map.of("field", "page", "message", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(Map.of("field", "size", "message", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
