package dev.hpo.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code GET /} answers a redirect to Swagger UI, so a newcomer who opens the service's address lands on the API
 * instead of a 404. A view controller, not an endpoint: it stays out of the OpenAPI contract. When a dashboard
 * takes over {@code /}, delete this class.
 */
@Configuration(proxyBeanMethods = false)
class RootRedirect implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/swagger-ui.html");
    }
}
