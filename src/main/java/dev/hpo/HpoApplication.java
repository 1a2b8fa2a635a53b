package dev.hpo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The hyper-parameter optimization service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HpoApplication {

    public static void main(String[] args) {
        SpringApplication.run(HpoApplication.class, args);
    }
}
