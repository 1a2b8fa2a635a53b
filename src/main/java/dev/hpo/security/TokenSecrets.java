package dev.hpo.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 32 random bytes from {@link SecureRandom} (256 bits, so a fast hash is enough: nobody can guess
 * or brute-force one), written {@code hpo_<base64url>}; stored only as their SHA-256 in hex.
 */
public final class TokenSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The prefix of every generated secret, so a leaked one is easy to recognise in logs and scanners. */
    public static final String PREFIX = "hpo_";

    private TokenSecrets() {
    }

    /** A new random secret. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of a secret: SHA-256, hex. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
