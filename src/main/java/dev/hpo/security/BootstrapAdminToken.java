package dev.hpo.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Makes sure an operator can get in. With {@code hpo.security.admin-token} configured nothing is done (that token
 * is admin, kept in memory only). Otherwise the token in {@code hpo.security.admin-token-file} is the bootstrap
 * admin token: generated at the first start into a file only the service's user can read (and logged once, with
 * where it lives), and on later starts read back and registered (hashed) if the database does not know it, so a
 * fresh development database still accepts the token the operator already has.
 */
@Component
class BootstrapAdminToken implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminToken.class);
    static final String NAME = "bootstrap admin";

    private final SecuritySettings settings;
    private final TokenStore store;

    BootstrapAdminToken(SecuritySettings settings, TokenStore store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        if (settings.adminToken() != null) {
            return;
        }
        Path file = settings.adminTokenFile().toAbsolutePath();
        try {
            String secret = read(file);
            if (secret == null) {
                secret = TokenSecrets.generate();
                write(file, secret);
                log.warn("No hpo.security.admin-token configured: generated an admin token and wrote it to {} "
                        + "(readable by this user only). Use it as 'Authorization: Bearer <token>'.", file);
            }
            store.ensure(NAME, Role.ADMIN, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the admin token file " + file
                    + " (hpo.security.admin-token-file); configure hpo.security.admin-token instead", e);
        }
    }

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.length() < SecuritySettings.MIN_TOKEN_LENGTH) {
            throw new IOException("the admin token file holds no token of at least "
                    + SecuritySettings.MIN_TOKEN_LENGTH + " characters; delete it to generate a new one");
        }
        return secret;
    }

    private static void write(Path file, String secret) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("the admin token file appeared while it was being created; start again", raced);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        if (posix) {
            Files.setPosixFilePermissions(file, ownerOnly);
        }
    }
}
