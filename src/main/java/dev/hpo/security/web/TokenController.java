package dev.hpo.security.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.security.ApiToken;
import dev.hpo.security.Role;
import dev.hpo.security.TokenStore;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** API tokens (admin only): create one (its secret is shown once, in the answer), list them, revoke one. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "tokens")
class TokenController {

    private final TokenStore store;

    TokenController(TokenStore store) {
        this.store = store;
    }

    /** A token to create. */
    record CreateToken(@NotBlank @Size(max = 255) String name,
                       @NotNull @Schema(allowableValues = {"admin", "user", "worker", "viewer"}) String role) {
    }

    /** A token as listed: never its secret. */
    record TokenResponse(UUID id, String name,
                         @Schema(allowableValues = {"admin", "user", "worker", "viewer"}) String role,
                         Instant createdAt, Instant revokedAt) {
        static TokenResponse of(ApiToken t) {
            return new TokenResponse(t.id(), t.name(), t.role().wireName(), t.createdAt(), t.revokedAt());
        }
    }

    /** A token just created, with its secret: the only time the service shows it. */
    record CreatedToken(UUID id, String name,
                        @Schema(allowableValues = {"admin", "user", "worker", "viewer"}) String role,
                        Instant createdAt,
                        @Schema(description = "The secret to send as 'Authorization: Bearer <token>'; shown only now")
                        String token) {
    }

    @Operation(summary = "Create an API token",
            description = "The answer carries the token's secret; only its hash is stored, so it cannot be shown again.")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<CreatedToken> create(@Valid @RequestBody CreateToken body) {
        Role role = Role.fromWire(body.role());
        if (role == null) {
            throw new InvalidInputException("role", "must be one of admin, user, worker, viewer");
        }
        TokenStore.Created created = store.create(body.name().strip(), role);
        ApiToken t = created.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
                .body(new CreatedToken(t.id(), t.name(), t.role().wireName(), t.createdAt(), created.secret()));
    }

    @Operation(summary = "List API tokens, newest first (revoked ones included, secrets never)")
    @GetMapping
    List<TokenResponse> list() {
        return store.list().stream().map(TokenResponse::of).toList();
    }

    @Operation(summary = "Revoke an API token",
            description = "From now on the token answers 401. Revoking a revoked token answers it unchanged.")
    @ApiResponse(responseCode = "200", description = "The token, revoked")
    @DeleteMapping("/{id}")
    TokenResponse revoke(@PathVariable UUID id) {
        return store.revoke(id).map(TokenResponse::of).orElseThrow(() -> NotFoundException.of("token", id));
    }
}
