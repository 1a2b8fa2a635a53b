package dev.hpo.security.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import dev.hpo.security.LeaseHolders;
import dev.hpo.security.TokenAuthenticator;
import jakarta.servlet.DispatcherType;

/**
 * Spring Security for a token API: stateless, no sessions, no CSRF (no cookies are used: a token travels only in the
 * {@code Authorization} header), no login page. {@link BearerTokenFilter} authenticates, {@link RoleAccessManager}
 * authorizes by {@link dev.hpo.security.web.AccessRules}; 401 and 403 are problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No Spring Security observations: with an observation registry present, Spring Security wraps every filter of
     * the chain in an observation (a tenth of a worker call's time in the loop benchmark), and
     * {@code management.observations.enable.spring.security=false} only makes those observations no-ops, not the
     * wrapping. {@code http.server.requests} stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenAuthenticator authenticator, LeaseHolders leases)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(authenticator), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the error page and the second half of a long poll belong to a request already authorized
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .anyRequest().access(new RoleAccessManager(leases)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> ProblemWriter.unauthorized(request,
                                response, "this endpoint needs a token: send 'Authorization: Bearer <token>'"))
                        .accessDeniedHandler((request, response, e) -> ProblemWriter.forbidden(request, response,
                                "this token's role may not " + request.getMethod() + " "
                                        + RoleAccessManager.pathWithinApplication(request))));
        return http.build();
    }
}
