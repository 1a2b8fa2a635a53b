package dev.hpo.strategy.cmaes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything CMA-ES carries between suggestions, saved as the study's strategy state.
 *
 * @param popsize      the population size of the current run (doubles at each IPOP restart)
 * @param restarts     restarts so far
 * @param distribution the current search distribution
 * @param members      the trials sampled from the current distribution, with their raw samples
 * @param recentBest   best loss of each recent generation of this run (for the flat-fitness restart test)
 * @param draws        the standard-normal vectors still unused of the current generation's orthogonal batch
 *                     (empty with independent sampling, and in states saved before there was a batch)
 */
record CmaState(int popsize, int restarts, CmaDistribution distribution, List<Member> members,
                List<Double> recentBest, List<double[]> draws) {

    /** A state at the start of a generation: no member drawn yet, no batch. */
    CmaState(int popsize, int restarts, CmaDistribution distribution, List<Double> recentBest) {
        this(popsize, restarts, distribution, List.of(), recentBest, List.of());
    }

    /** One trial of the current generation and the raw sample it was made from. */
    record Member(int trial, double[] x) {
    }

    /** This state with a new member, its {@code z} taken from the front of {@code batch} when it came from there. */
    CmaState withMember(int trial, double[] x, List<double[]> batch, boolean tookFirst) {
        List<Member> more = new ArrayList<>(members);
        more.add(new Member(trial, x));
        List<double[]> left = tookFirst ? batch.subList(1, batch.size()) : batch;
        return new CmaState(popsize, restarts, distribution, more, recentBest, List.copyOf(left));
    }

    Map<String, Object> toMap() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("popsize", popsize);
        state.put("restarts", restarts);
        state.put("distribution", distribution.toState());
        List<Map<String, Object>> saved = new ArrayList<>();
        for (Member member : members) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trial", member.trial());
            entry.put("x", StateValues.list(member.x()));
            saved.add(entry);
        }
        state.put("members", saved);
        state.put("recentBest", new ArrayList<>(recentBest));
        List<List<Double>> unused = new ArrayList<>();
        for (double[] z : draws) {
            unused.add(StateValues.list(z));
        }
        state.put("draws", unused);
        return state;
    }

    @SuppressWarnings("unchecked")
    static CmaState fromMap(Map<String, Object> state) {
        List<Member> members = new ArrayList<>();
        for (Object entry : (List<?>) state.get("members")) {
            Map<String, Object> member = (Map<String, Object>) entry;
            members.add(new Member(StateValues.integer(member, "trial"), StateValues.vector(member.get("x"))));
        }
        List<Double> recentBest = new ArrayList<>();
        for (double value : StateValues.vector(state.get("recentBest"))) {
            recentBest.add(value);
        }
        List<double[]> draws = new ArrayList<>();
        if (state.get("draws") instanceof List<?> saved) {
            for (Object z : saved) {
                draws.add(StateValues.vector(z));
            }
        }
        return new CmaState(StateValues.integer(state, "popsize"), StateValues.integer(state, "restarts"),
                CmaDistribution.fromState(state.get("distribution")), members, recentBest, draws);
    }
}
