package vn.childprotection.platform.testsupport.identity;

import vn.childprotection.platform.access.AccessPolicy;
import vn.childprotection.platform.access.Operation;
import vn.childprotection.platform.access.Role;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The roles × endpoints matrix of {@code docs/authorization.md}, checked against a running service cell by cell: each
 * of the service's endpoints, called with a token of each role (scoped inside the sample case's province and unit),
 * is refused with 403 exactly when no role of the caller may do any of the endpoint's operations, and is 401 without
 * a token. The documented row of each endpoint must say the same, so the document cannot drift from the policy.
 */
public final class EndpointMatrix {

    /**
     * One endpoint of the service and the operations a request to it may be.
     *
     * @param callPermitted false for an endpoint whose call would change what other tests see (starting a rebuild):
     *                      only its refusals are called
     */
    public record Row(String method, String pattern, Set<Operation> operations, boolean callPermitted) {

        public Row(String method, String pattern, Set<Operation> operations) {
            this(method, pattern, operations, true);
        }
    }

    /** A caller of each role, in the scope of the sample case (Điện Biên, 11-POLICE). */
    public static final Map<Role, TestActor> CALLERS = callers();

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final String YES = "✓";
    private static final String NO = "–";

    private EndpointMatrix() {
    }

    /**
     * @return every cell that does not hold, as text (empty: the matrix holds)
     */
    public static List<String> check(String service, String baseUrl, List<Row> rows, Path authorizationDoc) {
        List<String> failures = new ArrayList<>();
        Map<String, List<String>> documented = documentedRows(authorizationDoc, service);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (Row row : rows) {
            String endpoint = row.method() + " " + row.pattern();
            List<String> expectedCells = new ArrayList<>(List.of(operationsCell(row.operations())));
            expectedCells.addAll(expectedCells(row.operations()));
            List<String> cells = documented.get(endpoint);
            if (cells == null) {
                failures.add(endpoint + ": no row in the matrix of " + authorizationDoc.getFileName());
            } else if (!cells.equals(expectedCells)) {
                failures.add(endpoint + ": documented " + cells + ", the policy says " + expectedCells);
            }
            String url = baseUrl + row.pattern().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            int anonymous = status(http, row.method(), url, null);
            if (anonymous != 401) {
                failures.add(endpoint + " without a token: " + anonymous + ", expected 401");
            }
            for (Map.Entry<Role, TestActor> caller : CALLERS.entrySet()) {
                boolean permitted = row.operations().stream()
                        .anyMatch(operation -> AccessPolicy.permits(caller.getKey(), operation));
                if (permitted && !row.callPermitted()) {
                    continue;
                }
                int status = status(http, row.method(), url, TestIssuer.shared().bearer(caller.getValue()));
                if (permitted && (status == 401 || status == 403)) {
                    failures.add(endpoint + " as " + caller.getKey().claim() + ": " + status + ", expected to be let in");
                } else if (!permitted && status != 403) {
                    failures.add(endpoint + " as " + caller.getKey().claim() + ": " + status + ", expected 403");
                }
            }
        }
        return failures;
    }

    /** The documented row's cells, role by role, as the policy gives them. */
    static List<String> expectedCells(Set<Operation> operations) {
        return Arrays.stream(Role.values())
                .map(role -> operations.stream().anyMatch(op -> AccessPolicy.permits(role, op)) ? YES : NO)
                .toList();
    }

    /**
     * The matrix rows of a service: {@code | service | `METHOD path` | OPERATIONS | ✓ | – | … |}, the cells in
     * {@link Role} order; checks that the operations column names the same operations.
     */
    private static Map<String, List<String>> documentedRows(Path doc, String service) {
        Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
                if (!line.startsWith("| " + service + " | `")) {
                    continue;
                }
                List<String> cells = Arrays.stream(line.split("\\|")).map(String::strip).skip(1).toList();
                if (cells.size() < 3 + Role.values().length) {
                    continue;
                }
                String endpoint = cells.get(1).replace("`", "");
                rows.put(endpoint, cells.subList(2, 3 + Role.values().length));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + doc, e);
        }
        return rows;
    }

    /** The operations column of a documented row: the operations' names, in the enum's order. */
    static String operationsCell(Set<Operation> operations) {
        return new TreeSet<>(operations).stream().map(Operation::name).collect(Collectors.joining(", "));
    }

    private static int status(HttpClient http, String method, String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(PATIENCE);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if ("GET".equals(method)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        try {
            // headers only: a stream of events (server-sent) answers its headers and keeps the body open
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (HttpTimeoutException stillStreaming) {
            return 200;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Map<Role, TestActor> callers() {
        Map<Role, TestActor> callers = new EnumMap<>(Role.class);
        callers.put(Role.OPERATOR, TestActor.OPERATOR_111);
        callers.put(Role.AGENCY_OFFICER, TestActor.POLICE_11);
        callers.put(Role.AGENCY_SYSTEM, TestActor.POLICE_11_SYSTEM);
        callers.put(Role.COORDINATOR, TestActor.COORDINATOR_11);
        callers.put(Role.ANALYST, TestActor.ANALYST_11);
        callers.put(Role.ADMIN, TestActor.ADMIN);
        callers.put(Role.AUDITOR, TestActor.AUDITOR);
        return callers;
    }
}
