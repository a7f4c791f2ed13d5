package vn.childprotection.platform.areas;

import java.util.List;

/** A map file that cannot be used, with every problem found, naming the file. */
public final class InvalidAreaMapException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidAreaMapException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems.size() > 20 ? problems.subList(0, 20) : problems)
                + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
