package dev.hpo.importance.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.hpo.importance.ParameterImportance;
import dev.hpo.importance.PedAnova;
import dev.hpo.objective.Objective;
import dev.hpo.shared.InvalidInputException;
import dev.hpo.shared.StudyId;
import dev.hpo.study.Study;
import dev.hpo.study.StudyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;

/** Which parameters matter: PED-ANOVA over a study's completed experiments. */
@RestController
@RequestMapping("/api/v1/studies/{id}")
@Tag(name = "results")
class StudyImportanceController {

    private final StudyService studies;
    private final ImportanceInputs inputs;

    StudyImportanceController(StudyService studies, ImportanceInputs inputs) {
        this.studies = studies;
        this.inputs = inputs;
    }

    /** The objective the importances are of. */
    record ObjectiveRef(String title, String series, String sign) {
    }

    /** One parameter's share. */
    record Importance(String parameter, double importance) {
    }

    /** The answer: method, objective, how many experiments it used, importances largest first (sum 1). */
    record ImportanceResponse(String method, int objectiveIndex, ObjectiveRef objective, int completedExperiments,
                              List<Importance> importances) {
    }

    @Operation(summary = "Parameter importance (PED-ANOVA)",
            description = "PED-ANOVA (Watanabe, Bansal and Hutter, IJCAI 2023): per parameter, the Pearson divergence "
                    + "between its distribution among the best 10% of the COMPLETED experiments (by the objective) and "
                    + "among all of them, normalized to sum to 1, largest first. objective is the index of the study "
                    + "objective (default 0). Fewer than 2 completed experiments with a value: an empty list.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "400", description = "objective is not an index of the study's objectives")
    @ApiResponse(responseCode = "404", description = "Unknown study")
    @GetMapping("/importance")
    ImportanceResponse importance(@PathVariable UUID id,
                                  @RequestParam(defaultValue = "0") @Min(0) int objective) {
        Study study = studies.get(new StudyId(id));
        List<Objective> objectives = study.objectives();
        if (objective >= objectives.size()) {
            throw new InvalidInputException("objective", "must be an index of the study's " + objectives.size()
                    + " objective(s), not " + objective);
        }
        Objective chosen = objectives.get(objective);
        ImportanceInputs.Inputs in = inputs.load(id, study.space(), chosen);
        List<ParameterImportance> result = PedAnova.evaluate(in.columns(), in.losses());
        return new ImportanceResponse("ped-anova", objective,
                new ObjectiveRef(chosen.title(), chosen.series(), chosen.sign().json()), in.losses().length,
                result.stream().map(r -> new Importance(r.parameter(), r.importance())).toList());
    }
}
