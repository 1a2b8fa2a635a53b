package dev.hpo.loop;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import dev.hpo.trial.Trial;

/**
 * The snapshot's trials as a tick has changed them so far, without copying the history: trials of experiments
 * the tick ended replace the snapshot's, and the PENDING trials of experiments it created follow. Read-only for
 * strategies and stopping rules.
 */
final class TrialsView extends AbstractList<Trial> implements RandomAccess {

    private final List<Trial> base;
    private final Map<Integer, Trial> replaced;
    private final List<Trial> appended = new ArrayList<>();

    TrialsView(List<Trial> base, Map<Integer, Trial> replaced) {
        this.base = base;
        this.replaced = new HashMap<>(replaced);
    }

    void append(Trial trial) {
        appended.add(trial);
    }

    @Override
    public Trial get(int index) {
        if (index < base.size()) {
            Trial trial = replaced.get(index);
            return trial != null ? trial : base.get(index);
        }
        return appended.get(index - base.size());
    }

    @Override
    public int size() {
        return base.size() + appended.size();
    }
}
