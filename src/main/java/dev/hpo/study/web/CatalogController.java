package dev.hpo.study.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.settings.SettingSpec;
import dev.hpo.study.StudyFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a study may choose: strategies and early-stopping rules, with their documented settings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "catalog")
class CatalogController {

    private final StudyFactory factory;

    CatalogController(StudyFactory factory) {
        this.factory = factory;
    }

    record CatalogEntry(String name, String description, List<SettingSpec> settings) {
    }

    @Operation(summary = "The strategies a study may use, with their settings and defaults")
    @GetMapping("/strategies")
    List<CatalogEntry> strategies() {
        return factory.strategies().all().stream()
                .map(s -> new CatalogEntry(s.name(), s.description(), s.settings())).toList();
    }

    @Operation(summary = "The early-stopping rules a study may use, with their settings and defaults")
    @GetMapping("/early-stopping-rules")
    List<CatalogEntry> earlyStoppingRules() {
        return factory.stoppingRules().all().stream()
                .map(s -> new CatalogEntry(s.name(), s.description(), s.settings())).toList();
    }
}
