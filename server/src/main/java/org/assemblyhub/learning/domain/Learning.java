package org.assemblyhub.learning.domain;

import java.io.Serializable;

/** The learning capability's state slice: materials, progress and answers, questions to experts. */
public final class Learning implements Serializable {
    public final Library library = new Library();
    public final Progress progress = new Progress();
    public final Questions questions = new Questions();
    private long version;

    public void evolve(LearningEvent event) {
        version++;
        library.evolve(event);
        progress.evolve(event);
        questions.evolve(event);
    }

    /** Moves with every event of the learning phase. */
    public long version() {
        return version;
    }
}
