package dev.hpo.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body the API reads ({@code hpo.web.max-request-size}, default 2MB): far above any real
 * request (a 1,000-parameter space, a discrete list of 10,000 values, a batch of scalars), far below what would
 * put the heap at risk when JSON is turned into objects. A larger body is a 413 problem.
 */
@ConfigurationProperties("hpo.web")
public record RequestSizeSettings(@DefaultValue("2MB") DataSize maxRequestSize) {

    public RequestSizeSettings {
        if (maxRequestSize == null || maxRequestSize.toBytes() < 1024) {
            throw new IllegalArgumentException("hpo.web.max-request-size must be at least 1KB");
        }
    }
}
