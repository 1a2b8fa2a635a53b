package dev.hpo.loop;

import java.util.List;

import dev.hpo.space.SearchSpace;
import dev.hpo.space.SpaceCodec;
import tools.jackson.databind.json.JsonMapper;

/** Reads a study's stored parameter list into a {@link SearchSpace} with the space's own codec. */
final class SpaceJson {

    private SpaceJson() {
    }

    static SearchSpace parse(JsonMapper json, String space) {
        return SpaceCodec.fromJson(json.readValue(space, List.class));
    }
}
