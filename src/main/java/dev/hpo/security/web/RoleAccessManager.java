package dev.hpo.security.web;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import dev.hpo.security.Caller;
import dev.hpo.security.LeaseHolders;
import dev.hpo.security.Role;
import jakarta.servlet.http.HttpServletRequest;

/** Decides every request by {@link AccessRules}: public, or the caller's role, or (workers) the lease it holds. */
final class RoleAccessManager implements AuthorizationManager<RequestAuthorizationContext> {

    private final LeaseHolders leases;

    RoleAccessManager(LeaseHolders leases) {
        this.leases = leases;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        String path = pathWithinApplication(request);
        Access access = AccessRules.accessFor(request.getMethod(), path);
        if (access == Access.PUBLIC) {
            return new AuthorizationDecision(true);
        }
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            return new AuthorizationDecision(false);
        }
        if (access.allows(caller.role())) {
            return new AuthorizationDecision(true);
        }
        return new AuthorizationDecision(access == Access.HELD_EXPERIMENT && caller.role() == Role.WORKER
                && leases.holds(caller, AccessRules.experimentIdOf(path)));
    }

    /** The path Tomcat decoded and normalised (no {@code ..}), without the context path. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        return path.isEmpty() ? "/" : path;
    }
}
