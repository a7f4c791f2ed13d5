package vn.childprotection.platform.access;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/authorization.md's matrix says what {@link AccessPolicy#permits} does, cell by cell. */
class AuthorizationDocTest {

    private static final Path DOC = Path.of("..", "docs", "authorization.md");

    @Test
    void theDocumentedMatrixIsThePolicy() throws IOException {
        List<String> rows = Files.readAllLines(DOC).stream()
                .filter(line -> line.startsWith("| operation |") || line.matches("\\| [A-Z_]+ \\|.*")).toList();
        List<Role> columns = new ArrayList<>();
        for (String claim : cells(rows.getFirst()).subList(1, cells(rows.getFirst()).size())) {
            columns.add(Role.ofClaim(claim).orElseThrow(() -> new AssertionError("unknown role column " + claim)));
        }
        assertThat(columns).containsExactlyInAnyOrder(Role.values());

        EnumSet<Operation> documented = EnumSet.noneOf(Operation.class);
        List<String> mismatches = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            List<String> cells = cells(row);
            Operation operation = Operation.valueOf(cells.getFirst());
            documented.add(operation);
            for (int i = 0; i < columns.size(); i++) {
                boolean says = "✓".equals(cells.get(i + 1));
                if (says != AccessPolicy.permits(columns.get(i), operation)) {
                    mismatches.add(operation + " × " + columns.get(i).claim() + ": the document says " + cells.get(i + 1));
                }
            }
        }
        assertThat(documented).as("every operation has a row").containsExactlyInAnyOrder(Operation.values());
        assertThat(mismatches).isEmpty();
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.length() - 1).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }
}
