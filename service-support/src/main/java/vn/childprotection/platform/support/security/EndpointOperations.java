package vn.childprotection.platform.support.security;

import org.springframework.http.HttpMethod;
import vn.childprotection.platform.access.Operation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A service's endpoints and the operations each may be: the filter chain lets through to an endpoint only a caller
 * one of whose roles may do one of them (403 otherwise, before any body is read), and the controller then decides on
 * the resource's scope. The same table is the service's rows of the roles × endpoints matrix in
 * {@code docs/authorization.md}, which a test checks cell by cell.
 */
public record EndpointOperations(List<Endpoint> endpoints) {

    public EndpointOperations {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * @param method     the HTTP method
     * @param pattern    the path pattern ({@code /api/v1/cases/{caseId}})
     * @param operations the operations a request to it may be (the one that applies depends on the caller or the
     *                   request: a coordinator's read of a case, an operator's read-back)
     */
    public record Endpoint(HttpMethod method, String pattern, Set<Operation> operations) {

        public Endpoint {
            operations = Set.copyOf(operations);
        }

        public static Endpoint of(HttpMethod method, String pattern, Operation first, Operation... more) {
            return new Endpoint(method, pattern, EnumSet.of(first, more));
        }
    }
}
