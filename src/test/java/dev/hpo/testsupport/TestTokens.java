package dev.hpo.testsupport;

/**
 * The API tokens the tests use. Every test HTTP client sends {@link #ADMIN} as a bearer token unless a test asks
 * for another one; the test application contexts are configured with it as the bootstrap admin token.
 */
public final class TestTokens {

    /** The bootstrap admin token of every application context the tests start. */
    public static final String ADMIN = "hpo_test_admin_token_0123456789";

    private TestTokens() {
    }

    /** The value of an {@code Authorization} header carrying {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
