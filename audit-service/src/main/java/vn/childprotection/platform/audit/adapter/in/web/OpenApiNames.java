package vn.childprotection.platform.audit.adapter.in.web;

/** Names the API document shares between the controllers and its configuration. */
public final class OpenApiNames {

    /** The bearer-token security scheme: an access token of the platform's identity provider, audience cprp-api. */
    public static final String BEARER = "bearer";

    private OpenApiNames() {
    }
}
